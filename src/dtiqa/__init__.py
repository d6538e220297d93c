"""dtiqa: cited answers about Vietnam's provincial Digital Transformation Index (DTI).

    import dtiqa
    qa = dtiqa.load()                 # corpus "seeds", index "index"
    hits = qa.search("Bình Phước xếp thứ mấy năm 2021?", k=5)
"""
from .article import Article, ArticleError
from .embed import Embedder, get_embedder
from .hits import Hit
from .index import CorpusError, IndexCorrupt, Settings
from .qa import QA, AddResult, load
from .sentences import Sentence

__version__ = "0.1.0"
__all__ = ["load", "QA", "AddResult", "Article", "ArticleError", "Sentence", "Hit", "Settings",
           "Embedder", "get_embedder", "CorpusError", "IndexCorrupt", "__version__"]
