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


COLD_START = """
import sys
from concurrent.futures import ThreadPoolExecutor
import dtiqa
qa = dtiqa.load(sys.argv[1], sys.argv[2])
questions = ["Bình Phước xếp thứ mấy về DTI năm 2021?", "binh phuoc xep thu may nam 2021",
             "What score did Binh Phuoc get?", "Bình Phước tăng bao nhiêu bậc?",
             "Tỉnh nào dẫn đầu DTI năm 2021?", "Bình Phước đứng thứ mấy năm 2020?",
             "Chỉ số chuyển đổi số là gì?", "Bình Phước có bao nhiêu tổ công nghệ số cộng đồng?"]
with ThreadPoolExecutor(8) as pool:
    answers = list(pool.map(qa.ask, questions))
print(answers[0].text)
"""


def test_eight_first_questions_at_once_in_a_fresh_process_all_get_answers(seeds_qa):
    out = subprocess.run([sys.executable, "-c", COLD_START, str(SEEDS), str(seeds_qa.index_dir)],
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.split()[-1] == "9/63"
