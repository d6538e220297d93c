"""The chat page: a thin Gradio client of dtiqa's Python API.

    python app.py [--host 127.0.0.1] [--port 7860] [--corpus seeds] [--index index]
"""
from __future__ import annotations

import argparse
import os

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

import gradio as gr  # noqa: E402

import dtiqa  # noqa: E402
from dtiqa.render import hits_html  # noqa: E402

EXAMPLES = [
    "Bình Phước xếp thứ mấy về DTI năm 2021?",
    "thai nguyen tang bao nhieu bac ve chuyen doi so",
    "Tỷ lệ thanh toán không dùng tiền mặt của Yên Bái là bao nhiêu?",
]


def build_page(qa: dtiqa.QA) -> gr.Blocks:
    def on_search(query: str, k: int) -> str:
        try:
            return hits_html(qa.search(query, k=int(k)), query)
        except ValueError as e:
            return hits_html([], query, error=str(e))

    with gr.Blocks(title="dtiqa — Chỉ số chuyển đổi số") as page:
        gr.Markdown("## dtiqa — hỏi đáp về Chỉ số chuyển đổi số (DTI) các tỉnh, có trích dẫn nguồn")
        with gr.Row():
            query = gr.Textbox(label="Câu hỏi", placeholder=EXAMPLES[0], scale=5, elem_id="query")
            k = gr.Slider(1, 20, value=5, step=1, label="Số đoạn", scale=1)
        ask = gr.Button("Tìm", variant="primary", elem_id="ask")
        out = gr.HTML(elem_id="results")
        gr.Examples(EXAMPLES, inputs=query)
        ask.click(on_search, [query, k], out)
        query.submit(on_search, [query, k], out)
    return page


def main() -> None:
    p = argparse.ArgumentParser(description="dtiqa chat page")
    p.add_argument("--host", default=os.environ.get("DTIQA_HOST", "127.0.0.1"))
    p.add_argument("--port", type=int, default=int(os.environ.get("DTIQA_PORT", "7860")))
    p.add_argument("--corpus", default=None)
    p.add_argument("--index", default=None)
    p.add_argument("--embedder", default=None)
    args = p.parse_args()
    print("dtiqa: loading the index (built on first start)...", flush=True)
    qa = dtiqa.load(args.corpus, args.index, args.embedder, progress=True)
    build_page(qa).launch(server_name=args.host, server_port=args.port, show_error=True)


if __name__ == "__main__":
    main()
