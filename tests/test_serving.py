"""The serving path: a process that loads a built index and asks imports neither torch nor scikit-learn."""
import subprocess
import sys

from conftest import SEEDS

SCRIPT = """
import sys
import dtiqa
qa = dtiqa.load(sys.argv[1], sys.argv[2])
ans = qa.ask("Bình Phước xếp thứ mấy về DTI năm 2021?")
qa.ask("What score did Binh Phuoc get?")
heavy = sorted(m for m in ("torch", "transformers", "sklearn", "lightgbm") if m in sys.modules)
print(ans.text or ans.suggestion, ",".join(heavy) or "-")
"""


def test_asking_imports_no_torch_nor_scikit_learn(seeds_qa):
    out = subprocess.run([sys.executable, "-c", SCRIPT, str(SEEDS), str(seeds_qa.index_dir)], capture_output=True,
                         text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    text, heavy = out.stdout.split()[-2:]
    assert heavy == "-", f"imported on the serving path: {heavy}"
    assert text == "9/63"
