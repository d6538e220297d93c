#!/usr/bin/env python3
"""Generate questions.jsonl from the lists below. Run validate.py afterwards."""
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))

D = {
    1: "hg01_hop_bao_bac_giang_dti_2023.txt",
    2: "hg02_ke_hoach_ha_tinh_muc_tieu_ket_qua.txt",
    3: "hg03_giao_duc_can_tho_so_voi_ca_nuoc.txt",
    4: "hg04_goc_nhin_mien_tay_cuoc_dua_so.txt",
    5: "hg05_infographic_lam_dong_2023.txt",
    6: "hg06_ban_tin_kinh_te_mien_trung_q2_2024.txt",
    7: "hg07_fanpage_kien_giang_len_hang.txt",
    8: "hg08_egdi_ict_index_va_dti.txt",
    9: "hg09_dong_thoi_gian_tuyen_quang_2019_2024.txt",
    10: "hg10_dinh_chinh_nghe_an_dti_2023.txt",
}

# (doc, kind, question, answer, evidence[, verdict]); doc None => unanswerable
Q = []


def a(doc, kind, question, answer, evidence, verdict=None):
    Q.append((doc, kind, question, answer, evidence, verdict))


def u(question):
    Q.append((None, "unanswerable", question, "", "", None))


# ---------------- hg01 Bắc Giang (press conference) ----------------
E1 = "Năm 2023, Bắc Giang đạt 0,5872 điểm, xếp thứ 14/63 tỉnh, thành phố"
a(1, "rank", "Năm 2023, Bắc Giang đứng ở vị trí nào trong bảng thứ hạng chuyển đổi số của các tỉnh, thành?", "14/63", E1)
a(1, "score", "What DTI score did Bac Giang province obtain for 2023?", "0,5872", E1)
a(1, "rank_change", "So với một năm trước đó, thứ hạng DTI 2023 của Bắc Giang biến động ra sao?", "tăng 9 bậc",
  "tăng 9 bậc so với năm 2022 khi tỉnh đứng thứ 23/63")
a(1, "rank", "Bac Giang dung thu may ve DTI nam 2022?", "23/63",
  "tăng 9 bậc so với năm 2022 khi tỉnh đứng thứ 23/63")
a(1, "entity", "Ở vùng trung du, miền núi phía Bắc, địa phương nào có DTI 2023 xếp trên Bắc Giang?", "Lào Cai",
  "Trong khu vực trung du và miền núi phía Bắc, tỉnh đứng thứ hai, chỉ sau Lào Cai")
a(1, "rank", "Mảng chính quyền số của Bắc Giang năm 2023 được xếp hạng bao nhiêu?", "hạng 9",
  "Trụ cột chính quyền số đạt 0,6215 điểm, xếp hạng 9")
a(1, "score", "Bắc Giang được mấy điểm ở trụ cột xã hội số năm 2023?", "0,5580",
  "Kinh tế số và xã hội số lần lượt đạt 0,5436 và 0,5580 điểm")
a(1, "score", "diem tru cot kinh te so cua Bac Giang nam 2023 la bao nhieu", "0,5436",
  "Kinh tế số và xã hội số lần lượt đạt 0,5436 và 0,5580 điểm")
a(1, "percent", "What share of Bac Giang residents hold a level-2 electronic identification account, according to the press conference?",
  "61,4%", "tỷ lệ người dân có tài khoản định danh điện tử mức 2 mới đạt 61,4%")
a(1, "claim", "Có phải Bắc Giang đã hoàn thành chỉ tiêu kế hoạch về tỷ lệ hồ sơ nộp trực tuyến toàn trình năm 2023?",
  "Sai: tỷ lệ chỉ đạt 48,7%, thấp hơn mức 50% mà kế hoạch đặt ra.",
  "Tỷ lệ hồ sơ trực tuyến toàn trình đạt 48,7%, trong khi kế hoạch đặt ra là 50%", "sai")
a(1, "count", "Trong số hồ sơ cổng dịch vụ công Bắc Giang tiếp nhận, bao nhiêu hồ sơ bị quá hạn xử lý?", "1.845",
  "Cổng dịch vụ công của tỉnh tiếp nhận 312.560 hồ sơ, trong đó 1.845 hồ sơ bị trễ hạn")
a(1, "amount", "Bắc Giang dành bao nhiêu tiền cho chuyển đổi số trong năm 2024?", "186 tỷ đồng",
  "Tỉnh bố trí 186 tỷ đồng, gấp khoảng 1,4 lần năm 2023 (132 tỷ đồng)")
a(1, "derived", "ngan sach chuyen doi so 2024 cua Bac Giang nhieu hon nam 2023 bao nhieu ty dong",
  "54 tỷ đồng (186 tỷ đồng so với 132 tỷ đồng)",
  "Tỉnh bố trí 186 tỷ đồng, gấp khoảng 1,4 lần năm 2023 (132 tỷ đồng)")
a(1, "date", "Trung tâm IOC của Bắc Giang được dự kiến đi vào hoạt động từ thời điểm nào?", "quý III/2024",
  "74 tỷ đồng dành cho Trung tâm điều hành thông minh (IOC), dự kiến vận hành từ quý III/2024")
a(1, "date", "Sở TT&TT Bắc Giang họp báo thông tin về DTI 2023 vào ngày nào?", "12/4/2024",
  "Chiều 12/4/2024, Sở Thông tin và Truyền thông tỉnh Bắc Giang tổ chức họp báo")
a(1, "superlative", "Trong ba trụ cột DTI 2023 của Bắc Giang, trụ cột nào có điểm thấp nhất?",
  "Kinh tế số (0,5436 điểm)", "Kinh tế số và xã hội số lần lượt đạt 0,5436 và 0,5580 điểm")
u("Huyện Sơn Động đạt bao nhiêu điểm trong bộ chỉ số chuyển đổi số cấp huyện của Bắc Giang năm 2023?")
u("What was Bac Giang's provincial DTI ranking in 2021?")

# ---------------- hg02 Hà Tĩnh (plan: targets vs results) ----------------
E2 = "DTI năm 2023 của tỉnh đạt 0,5718 điểm, xếp hạng 19/63, tăng 6 bậc so với năm 2022 (hạng 25)"
a(2, "rank", "Theo báo cáo của UBND tỉnh, Hà Tĩnh đứng thứ bao nhiêu trên bảng DTI năm 2023?", "19/63", E2)
a(2, "score", "Ha Tinh dat bao nhieu diem DTI nam 2023", "0,5718", E2)
a(2, "rank", "Một năm trước đó, tức năm 2022, Hà Tĩnh ở hạng mấy về DTI?", "hạng 25", E2)
a(2, "rank_change", "By how many places did Ha Tinh's DTI ranking change between 2022 and 2023?", "tăng 6 bậc", E2)
a(2, "rank", "Xếp hạng trụ cột kinh tế số của Hà Tĩnh là bao nhiêu?", "hạng 34",
  "Kết quả: xếp hạng 34, đạt 0,4127 điểm")
a(2, "percent", "Hà Tĩnh đặt chỉ tiêu bao nhiêu phần trăm thủ tục hành chính có dịch vụ công trực tuyến toàn trình?",
  "55%", "mục tiêu 55%; kết quả 58,3%")
a(2, "percent", "What share of provincial-level work files in Ha Tinh were actually processed online in 2024?",
  "87,6%", "mục tiêu 90%; kết quả 87,6%")
a(2, "percent", "ty trong kinh te so trong GRDP cua Ha Tinh uoc dat bao nhieu", "8,2%",
  "mục tiêu 10%; kết quả ước đạt 8,2%")
a(2, "count", "Hiện Hà Tĩnh có bao nhiêu doanh nghiệp công nghệ số còn hoạt động?", "372 doanh nghiệp",
  "mục tiêu 350; kết quả 372 doanh nghiệp")
a(2, "claim", "Hà Tĩnh đã vượt chỉ tiêu về tỷ lệ hộ dân dùng Internet cáp quang, đúng hay sai?",
  "Đúng: đạt 88,9%, vượt mục tiêu 85%.",
  "Tỷ lệ hộ gia đình có đường Internet cáp quang: mục tiêu 85%; kết quả 88,9%. Đánh giá: vượt.", "đúng")
a(2, "claim", "Is it true that Ha Tinh met its target for adults owning a smartphone?",
  "Sai: đạt 83,5%, chưa đạt mục tiêu 85%.",
  "Tỷ lệ người trưởng thành có điện thoại thông minh: mục tiêu 85%; kết quả 83,5%. Đánh giá: chưa đạt.", "sai")
a(2, "count", "Đã có bao nhiêu lượt người dân Hà Tĩnh được bồi dưỡng kỹ năng số cơ bản?", "126.400 lượt",
  "mục tiêu 100.000 lượt; kết quả 126.400 lượt")
a(2, "amount", "Toàn bộ kế hoạch chuyển đổi số 2024 của Hà Tĩnh tiêu tốn bao nhiêu kinh phí?", "215,4 tỷ đồng",
  "Tổng kinh phí thực hiện kế hoạch là 215,4 tỷ đồng, gồm 142,8 tỷ đồng ngân sách tỉnh")
a(2, "derived", "Phần kinh phí từ xã hội hóa cho kế hoạch chuyển đổi số 2024 của Hà Tĩnh là bao nhiêu?",
  "72,6 tỷ đồng (215,4 tỷ đồng trừ 142,8 tỷ đồng ngân sách tỉnh)",
  "Tổng kinh phí thực hiện kế hoạch là 215,4 tỷ đồng, gồm 142,8 tỷ đồng ngân sách tỉnh và phần còn lại từ nguồn xã hội hóa")
a(2, "count", "Kế hoạch chuyển đổi số 2024 của Hà Tĩnh có mấy chỉ tiêu không hoàn thành?", "4 chỉ tiêu",
  "có 5 chỉ tiêu vượt, 2 chỉ tiêu đạt và 4 chỉ tiêu chưa đạt")
a(2, "list", "Kể tên các chỉ tiêu Hà Tĩnh chưa hoàn thành trong kế hoạch chuyển đổi số 2024.",
  "Trụ cột kinh tế số vào nhóm 30 (mới hạng 34); tỷ lệ hồ sơ công việc cấp tỉnh xử lý trên môi trường mạng (87,6%/90%); "
  "tỷ trọng kinh tế số trong GRDP (8,2%/10%); tỷ lệ người trưởng thành có điện thoại thông minh (83,5%/85%)",
  "Trong 11 chỉ tiêu, có 5 chỉ tiêu vượt, 2 chỉ tiêu đạt và 4 chỉ tiêu chưa đạt")
u("Hà Tĩnh đứng hạng mấy trên bảng xếp hạng DTI năm 2024?")
u("muc tieu ty trong kinh te so trong GRDP cua Ha Tinh cho nam 2025 la bao nhieu")

# ---------------- hg03 Cần Thơ (education vs nation) ----------------
E3a = "92,5% trường phổ thông trên địa bàn đã triển khai học bạ số, trong khi tỷ lệ bình quân cả nước là 67%"
E3b = "Năm 2023, Cần Thơ đạt 0,6012 điểm DTI, xếp thứ 11/63, tăng 4 bậc so với năm trước"
a(3, "percent", "Bao nhiêu phần trăm trường phổ thông ở Cần Thơ đã dùng học bạ điện tử?", "92,5%", E3a)
a(3, "percent", "Nationwide, what proportion of schools use digital student records, according to the Can Tho article?", "67%", E3a)
a(3, "percent", "Ở quy mô cả nước, bao nhiêu phần trăm trường học đã thu học phí bằng hình thức không dùng tiền mặt?", "81%",
  "Tỷ lệ trường thu học phí không dùng tiền mặt của Cần Thơ là 96% so với 81% của cả nước")
a(3, "percent", "ty le giao vien dung ho so dien tu o Can Tho la bao nhieu", "78,4%",
  "tỷ lệ giáo viên sử dụng hồ sơ điện tử đạt 78,4%, cả nước là 62,1%")
a(3, "comparison", "Ở chỉ số giáo dục số nào Cần Thơ còn kém mức trung bình cả nước?",
  "Tỷ lệ trường có phòng học thông minh: Cần Thơ 14%, thấp hơn mức 18% của cả nước.",
  "Riêng tỷ lệ trường có phòng học thông minh, thành phố chỉ đạt 14%, thấp hơn mức 18% của cả nước")
a(3, "rank", "Cần Thơ đứng thứ mấy trên bảng xếp hạng chuyển đổi số cấp tỉnh năm 2023?", "11/63", E3b)
a(3, "score", "Chỉ số DTI 2023 của thành phố Cần Thơ đạt bao nhiêu điểm?", "0,6012", E3b)
a(3, "derived", "nam 2022 Can Tho xep hang DTI thu may", "Hạng 15 (năm 2023 hạng 11/63, tăng 4 bậc)", E3b)
a(3, "rank", "Trụ cột mạnh nhất của Cần Thơ trong DTI 2023 đứng hạng bao nhiêu?", "hạng 7",
  "Trụ cột xã hội số của thành phố xếp hạng 7, cao nhất trong ba trụ cột")
a(3, "count", "Đại học Cần Thơ đã đưa bao nhiêu học phần lên nền tảng học trực tuyến?", "1.260",
  "nhà trường đã số hóa 1.260 học phần trên hệ thống học trực tuyến")
a(3, "amount", "How much does Can Tho University plan to spend on digital infrastructure in 2024–2026?", "52 tỷ đồng",
  "dự kiến chi thêm 52 tỷ đồng giai đoạn 2024–2026")
a(3, "count", "Mô hình trường học số được Cần Thơ thí điểm ở bao nhiêu trường trong năm 2024?", "21",
  "Trường THPT Châu Văn Liêm là một trong 21 trường được chọn thí điểm")
a(3, "count", "Hai huyện Cờ Đỏ và Vĩnh Thạnh còn mấy điểm trường chưa được kéo cáp quang?", "9 điểm trường",
  "Huyện Cờ Đỏ và huyện Vĩnh Thạnh vẫn còn 9 điểm trường chưa có đường truyền cáp quang")
a(3, "percent", "Cần Thơ đặt mục tiêu đến hết 2025 nâng tỷ lệ trường sở hữu phòng học thông minh lên bao nhiêu?", "25%",
  "nâng tỷ lệ trường có phòng học thông minh lên 25%")
a(3, "entity", "Ai đang đứng đầu Sở Giáo dục và Đào tạo Cần Thơ theo bài viết?", "Trần Thanh Bình",
  "Giám đốc Sở Giáo dục và Đào tạo Trần Thanh Bình nói")
a(3, "derived", "Tỷ lệ trường dùng học bạ số của Cần Thơ cao hơn bình quân cả nước bao nhiêu điểm phần trăm?",
  "25,5 điểm phần trăm (92,5% so với 67%)", E3a)
u("Trụ cột xã hội số của Cần Thơ năm 2023 đạt bao nhiêu điểm?")
u("What was Can Tho's PCI ranking in 2023?")
u("ty le truong co phong hoc thong minh o huyen Co Do la bao nhieu")

# ---------------- hg04 Mekong opinion column ----------------
E4 = ("Long An dẫn đầu vùng với 0,6347 điểm và hạng 8/63; Đồng Tháp theo sau với 0,6190 điểm, hạng 10; "
      "An Giang và Tiền Giang lần lượt đạt 0,5655 và 0,5521 điểm, tương ứng hạng 22 và hạng 27; "
      "Vĩnh Long tụt năm bậc xuống hạng 33, còn Trà Vinh tăng mười một bậc lên hạng 29; "
      "ở cuối vùng, Bạc Liêu chỉ đạt 0,4412 điểm, xếp thứ 58")
E4m = "Năm 2023, Long An chi 245 tỷ đồng cho chuyển đổi số, Đồng Tháp chi 168 tỷ đồng, trong khi Bạc Liêu chỉ bố trí 41 tỷ đồng"
E4ag = "An Giang và Tiền Giang lần lượt đạt 0,5655 và 0,5521 điểm, tương ứng hạng 22 và hạng 27"
a(4, "score", "Đồng Tháp được chấm bao nhiêu điểm DTI năm 2023?", "0,6190", "Đồng Tháp theo sau với 0,6190 điểm, hạng 10")
a(4, "rank", "An Giang xếp thứ mấy trên bảng chuyển đổi số 2023?", "hạng 22", E4ag)
a(4, "score", "diem DTI 2023 cua Tien Giang la bao nhieu", "0,5521", E4ag)
a(4, "rank", "Which position did Tien Giang hold in the 2023 DTI ranking?", "hạng 27", E4ag)
a(4, "rank_change", "Vĩnh Long bị tụt bao nhiêu bậc trên bảng DTI 2023?", "tụt năm bậc",
  "Vĩnh Long tụt năm bậc xuống hạng 33")
a(4, "rank_change", "Trà Vinh đã cải thiện thứ hạng DTI bao nhiêu bậc trong năm 2023?", "tăng mười một bậc",
  "Trà Vinh tăng mười một bậc lên hạng 29")
a(4, "derived", "Trước khi bứt lên vào năm 2023, Trà Vinh đứng hạng mấy về DTI?",
  "Hạng 40 (năm 2023 hạng 29, tăng mười một bậc)", "Trà Vinh tăng mười một bậc lên hạng 29")
a(4, "rank", "Bạc Liêu, tỉnh cuối vùng, đứng thứ bao nhiêu trên cả nước năm 2023?", "thứ 58",
  "Bạc Liêu chỉ đạt 0,4412 điểm, xếp thứ 58")
a(4, "derived", "diem DTI 2023 cua Long An cao hon Bac Lieu bao nhieu",
  "0,1935 điểm (0,6347 so với 0,4412)", E4)
a(4, "amount", "Năm 2023 Đồng Tháp đã bỏ ra bao nhiêu cho chuyển đổi số?", "168 tỷ đồng", E4m)
a(4, "amount", "How much did Bac Lieu allocate to digital transformation in 2023?", "41 tỷ đồng", E4m)
a(4, "superlative", "Theo tác giả, địa phương nào có DTI 2023 cao nhất Đồng bằng sông Cửu Long?",
  "Long An (0,6347 điểm, hạng 8/63)", "Long An dẫn đầu vùng với 0,6347 điểm và hạng 8/63")
a(4, "rank", "Về mảng chính quyền số năm 2023, Đồng Tháp đứng ở vị trí nào so với cả nước?", "đứng đầu cả nước",
  "đứng đầu cả nước về trụ cột chính quyền số năm 2023")
a(4, "percent", "Theo bài viết, kinh tế số chiếm bao nhiêu phần trăm GRDP của cả nước năm 2023?", "12,3%",
  "Tỷ trọng kinh tế số trong GRDP của cả vùng năm 2023 ước khoảng 7,1%, thấp hơn mức 12,3% của cả nước")
a(4, "amount", "Quỹ chuyển đổi số vùng mà tác giả đề xuất có quy mô bao nhiêu?", "500 tỷ đồng",
  "lập quỹ chuyển đổi số vùng với quy mô khoảng 500 tỷ đồng")
a(4, "comparison", "Giữa An Giang và Tiền Giang, tỉnh nào có điểm DTI 2023 cao hơn?",
  "An Giang (0,5655 điểm so với 0,5521 điểm của Tiền Giang)", E4ag)
a(4, "list", "Tác giả bài bình luận đề xuất những việc gì cho vùng?",
  "Lập quỹ chuyển đổi số vùng khoảng 500 tỷ đồng; cho các tỉnh dùng chung một trung tâm dữ liệu; "
  "công bố DTI cấp huyện cho cả 13 tỉnh, thành phố trong vùng",
  "tôi sẽ chọn ba việc: lập quỹ chuyển đổi số vùng với quy mô khoảng 500 tỷ đồng; cho phép các tỉnh dùng chung một trung tâm dữ liệu; và công bố DTI cấp huyện cho cả 13 tỉnh, thành phố trong vùng")
u("Vĩnh Long đạt bao nhiêu điểm DTI năm 2023?")
u("What was Soc Trang's DTI score in 2023?")
u("Long An chi bao nhieu tien cho chuyen doi so nam 2022")

# ---------------- hg05 Lâm Đồng (infographic captions) ----------------
a(5, "rank", "Lâm Đồng đứng hạng bao nhiêu trong bảng DTI 2023?", "24/63", "Hạng DTI: 24/63 (2022: 31/63)")
a(5, "rank", "Lam Dong xep hang DTI nam 2022 la bao nhieu", "31/63", "Hạng DTI: 24/63 (2022: 31/63)")
a(5, "score", "Chỉ số chuyển đổi số năm 2023 của Lâm Đồng đạt bao nhiêu điểm?", "0,5603", "Điểm DTI: 0,5603 (2022: 0,4921)")
a(5, "score", "What DTI score did Lam Dong record for 2022?", "0,4921", "Điểm DTI: 0,5603 (2022: 0,4921)")
a(5, "derived", "Điểm DTI của Lâm Đồng năm 2023 tăng thêm bao nhiêu so với năm liền trước?",
  "0,0682 điểm (từ 0,4921 lên 0,5603)", "Điểm DTI: 0,5603 (2022: 0,4921)")
a(5, "rank", "Trong các tỉnh Tây Nguyên, Lâm Đồng giữ vị trí nào về DTI 2023?", "1/5", "Vị trí trong vùng Tây Nguyên: 1/5")
a(5, "score", "Trụ cột kinh tế số của Lâm Đồng được mấy điểm?", "0,4710", "Kinh tế số: 0,4710 điểm – hạng 29")
a(5, "entity", "Which pillar shares the same national rank as Lam Dong's digital government pillar?", "xã hội số",
  "hai trụ cột chính quyền số và xã hội số đồng hạng 20")
a(5, "superlative", "Trong nhóm chỉ số nền tảng của Lâm Đồng, chỉ số nào có điểm cao nhất?",
  "Nhận thức số (0,7120 điểm)", "Nhận thức số: 0,7120 điểm")
a(5, "superlative", "chi so nen tang nao cua Lam Dong thap diem nhat", "Nhân lực số (0,3975 điểm)",
  "Nhân lực số: 0,3975 điểm, thấp nhất trong nhóm chỉ số nền tảng")
a(5, "count", "Có bao nhiêu giao dịch không tiền mặt tại các điểm du lịch ở Lâm Đồng?", "2,47 triệu",
  "2,47 triệu giao dịch thanh toán không dùng tiền mặt tại các điểm du lịch")
a(5, "amount", "Ngân sách tỉnh Lâm Đồng đã chi bao nhiêu cho chuyển đổi số theo infographic?", "61 tỷ đồng",
  "61 tỷ đồng ngân sách tỉnh chi cho chuyển đổi số")
a(5, "entity", "Đơn vị cấp huyện nào đứng đầu bộ chỉ số chuyển đổi số do Lâm Đồng tự chấm?", "Thành phố Đà Lạt",
  "Thành phố Đà Lạt: dẫn đầu")
a(5, "rank_change", "Huyện Đam Rông đã cải thiện thứ hạng bao nhiêu bậc?", "tăng 5 bậc",
  "Huyện Đam Rông: xếp cuối nhưng tiến bộ nhanh nhất, tăng 5 bậc")
a(5, "percent", "Năm 2023, Lâm Đồng đạt tỷ lệ hồ sơ giải quyết trực tuyến toàn trình ở mức nào?", "44,5%",
  "Tỷ lệ hồ sơ trực tuyến toàn trình: 60% (năm 2023 mới đạt 44,5%)")
a(5, "percent", "Năm 2024, Lâm Đồng muốn tỷ lệ hồ sơ xử lý trực tuyến toàn trình đạt bao nhiêu?", "60%",
  "Tỷ lệ hồ sơ trực tuyến toàn trình: 60% (năm 2023 mới đạt 44,5%)")
u("Chỉ số nền tảng hoạt động chuyển đổi số của Lâm Đồng năm 2023 đạt bao nhiêu điểm?")
u("diem DTI cua thanh pho Bao Loc nam 2023 la bao nhieu")
u("What was Lam Dong's DTI rank in 2021?")

# ---------------- hg06 Central region economic bulletin ----------------
R_QNAM = "Quảng Nam | 0,5634 | 23 | 26 | 4,1%"
R_QNGAI = "Quảng Ngãi | 0,5388 | 31 | 27 | 5,2%"
R_PY = "Phú Yên | 0,5102 | 38 | 35 | 5,9%"
R_GL = "Gia Lai | 0,4856 | 47 | 44 | 5,5%"
a(6, "score", "Quảng Nam đạt bao nhiêu điểm chuyển đổi số năm 2023?", "0,5634", R_QNAM)
a(6, "rank", "Hạng DTI 2023 của Quảng Ngãi theo bản tin là bao nhiêu?", "31", R_QNGAI)
a(6, "rank", "What was Phu Yen's DTI rank in 2022?", "35", R_PY)
a(6, "entity", "Tỉnh nào có cùng vị trí trên bảng DTI 2023 với Bình Thuận?", "Phú Yên",
  "Bình Thuận và Phú Yên có cùng 0,5102 điểm nên đồng hạng 38")
a(6, "superlative", "Trong bảy tỉnh của bản tin, những tỉnh nào tăng hạng DTI nhiều nhất?",
  "Bình Định, Quảng Nam và Bình Thuận (cùng tăng ba bậc)",
  "Bình Định, Quảng Nam và Bình Thuận cùng tăng ba bậc, là mức tăng cao nhất trong nhóm")
a(6, "superlative", "tinh nao giam hang DTI nhieu nhat trong nhom bay tinh mien Trung", "Quảng Ngãi (giảm bốn bậc)",
  "Quảng Ngãi giảm bốn bậc, mức giảm lớn nhất")
a(6, "rank_change", "Thứ hạng DTI của Khánh Hòa thay đổi ra sao so với năm 2022?", "giảm ba bậc",
  "Khánh Hòa tiếp tục dẫn đầu nhóm cả về DTI lẫn tăng trưởng, dù thứ hạng DTI giảm ba bậc")
a(6, "derived", "By how many places did Gia Lai's DTI rank change from 2022 to 2023?",
  "Giảm 3 bậc (từ hạng 44 xuống hạng 47)", R_GL)
a(6, "percent", "tang truong GRDP quy II/2024 cua Quang Nam la bao nhieu", "4,1%", R_QNAM)
a(6, "score", "Bản tin nêu điểm DTI bình quân của cả nước năm 2023 là bao nhiêu?", "0,5349",
  "Điểm DTI bình quân của bảy tỉnh đạt khoảng 0,5404, nhỉnh hơn mức bình quân cả nước là 0,5349")
a(6, "percent", "Kinh tế số chiếm bao nhiêu phần trăm GRDP 2023 của Bình Định?", "9,6%",
  "tỷ trọng kinh tế số trong GRDP năm 2023 của Khánh Hòa ước đạt 11,4%, Bình Định đạt 9,6%, còn Gia Lai chỉ 5,8%")
a(6, "count", "Phú Yên có bao nhiêu doanh nghiệp hoạt động trong lĩnh vực công nghệ số?", "187 doanh nghiệp",
  "Khánh Hòa có 612 doanh nghiệp công nghệ số, gấp hơn ba lần Phú Yên với 187 doanh nghiệp")
a(6, "amount", "Nửa cuối 2024, riêng Khánh Hòa dự kiến giải ngân bao nhiêu cho hạ tầng số?", "410 tỷ đồng",
  "các tỉnh dự kiến giải ngân khoảng 1.240 tỷ đồng cho các dự án hạ tầng số, trong đó Khánh Hòa chiếm 410 tỷ đồng")
a(6, "comparison", "Bình Định hay Quảng Nam có tăng trưởng GRDP quý II/2024 nhanh hơn?",
  "Bình Định (7,3% so với 4,1% của Quảng Nam)", "Bình Định | 0,5760 | 17 | 20 | 7,3%")
a(6, "percent", "Trung tâm dự báo nhóm bảy tỉnh tăng trưởng bình quân bao nhiêu trong cả năm 2024?", "6,8%",
  "Trung tâm dự báo tăng trưởng cả năm 2024 của nhóm bảy tỉnh đạt bình quân 6,8%")
a(6, "claim", "Cả Bình Thuận và Phú Yên đều tăng hạng DTI năm 2023 – nhận định này đúng không?",
  "Sai: hai tỉnh đồng hạng 38, nhưng Bình Thuận tăng ba bậc còn Phú Yên giảm ba bậc.",
  "Bình Thuận và Phú Yên có cùng 0,5102 điểm nên đồng hạng 38, nhưng đi theo hai hướng ngược nhau: một tỉnh tăng ba bậc, tỉnh kia giảm ba bậc", "sai")
u("Khánh Hòa đạt bao nhiêu điểm DTI năm 2022?")
u("What share of Quang Ngai's GRDP came from the digital economy in 2023?")
u("Gia Lai tang truong GRDP ca nam 2023 duoc bao nhieu phan tram")

# ---------------- hg07 Kiên Giang (fan page post) ----------------
E7 = "Kiên Giang mình đã leo lên hạng 16/63 nha, được 0,5801 điểm"
E7p = "năm 2023 có khoảng 68% khách du lịch tới Phú Quốc thanh toán không dùng tiền mặt, tăng so với 52% của năm 2022"
a(7, "rank", "Theo fanpage Góc Kiên Giang Quê Mình, Kiên Giang xếp thứ mấy ở DTI 2023?", "16/63", E7)
a(7, "score", "Kien Giang duoc bao nhieu diem DTI 2023", "0,5801", E7)
a(7, "rank", "Where did Kien Giang rank in the 2022 DTI?", "hạng 30", "Năm ngoái (2022) tụi mình còn lẹt đẹt ở hạng 30 lận")
a(7, "rank_change", "Kiên Giang đã vượt lên bao nhiêu bậc so với năm trước?", "14 bậc", "vậy là phóc một cái lên 14 bậc")
a(7, "entity", "Tỉnh nào tăng hạng DTI 2023 nhiều hơn Kiên Giang?", "Bắc Kạn", "chỉ thua Bắc Kạn (tăng 17 bậc) thôi đó")
a(7, "rank", "Trụ cột chính quyền số của Kiên Giang đứng hạng mấy?", "hạng 12", "Chính quyền số: hạng 12, ngon lành")
a(7, "rank", "tru cot xa hoi so cua Kien Giang hang bao nhieu", "hạng 19", "Xã hội số: hạng 19, cái này còn phải cố")
a(7, "score", "Cà Mau có bao nhiêu điểm DTI năm 2023?", "0,5290", "Cà Mau năm nay hạng 36 với 0,5290 điểm")
a(7, "rank", "Ca Mau xep hang may DTI 2023", "hạng 36", "Cà Mau năm nay hạng 36 với 0,5290 điểm")
a(7, "percent", "Năm 2023, bao nhiêu phần trăm du khách đến Phú Quốc trả tiền không dùng tiền mặt?", "68%", E7p)
a(7, "percent", "What was the cashless payment share among tourists visiting Phu Quoc in 2022?", "52%", E7p)
a(7, "count", "Chợ đêm Phú Quốc có bao nhiêu sạp dùng mã QR?", "214", "Riêng chợ đêm Phú Quốc đã có 214 sạp gắn mã QR")
a(7, "count", "Ứng dụng Kiên Giang số đã được tải về bao nhiêu lần?", "hơn 320 nghìn lượt tải",
  "app đã có hơn 320 nghìn lượt tải, cỡ 1/5 dân số tỉnh mình")
a(7, "derived", "Bao nhiêu phản ánh hiện trường gửi qua app Kiên Giang số năm rồi chưa được giải quyết xong?",
  "538 phản ánh (8.640 − 8.102)", "năm rồi nhận 8.640 phản ánh, giải quyết xong 8.102 cái")
a(7, "amount", "Kiên Giang dự định chi bao nhiêu để phủ sóng và lắp cáp quang năm 2024?", "95 tỷ đồng",
  "Tỉnh nói năm 2024 sẽ chi khoảng 95 tỷ đồng để phủ sóng với kéo cáp quang")
a(7, "comparison", "Theo bài đăng, Kiên Giang hay An Giang xếp hạng DTI 2023 cao hơn?",
  "Kiên Giang (hạng 16/63, An Giang hạng 22)", "An Giang hạng 22. Tức là mình đã vượt An Giang rồi đó nha mấy bà")
u("What was Phu Quoc city's own DTI score in 2023?")
u("Trụ cột kinh tế số của Kiên Giang năm 2023 đạt bao nhiêu điểm?")

# ---------------- hg08 EGDI / ICT Index / DTI ----------------
E8 = "Việt Nam đạt 0,7709 điểm EGDI, xếp thứ 71/193 quốc gia, tăng 15 bậc so với năm 2022 (hạng 86)"
E8c = ("Ba chỉ số thành phần gồm dịch vụ công trực tuyến (OSI), hạ tầng viễn thông (TII) và nguồn nhân lực (HCI) "
       "lần lượt đạt 0,8162; 0,7877 và 0,7089")
a(8, "score", "Việt Nam đạt bao nhiêu điểm EGDI (chỉ số Chính phủ điện tử của Liên Hợp Quốc) năm 2024?", "0,7709", E8)
a(8, "rank", "What was Vietnam's EGDI rank in the 2024 UN survey?", "71/193", E8)
a(8, "rank", "Năm 2022, Việt Nam đứng thứ bao nhiêu về EGDI?", "hạng 86", E8)
a(8, "rank_change", "EGDI cua Viet Nam nam 2024 tang bao nhieu bac", "tăng 15 bậc", E8)
a(8, "score", "Chỉ số thành phần về hạ tầng viễn thông (TII) của Việt Nam đạt bao nhiêu?", "0,7877", E8c)
a(8, "score", "What was Vietnam's human capital (HCI) component value in the 2024 EGDI?", "0,7089", E8c)
a(8, "superlative", "Trong ba chỉ số thành phần EGDI 2024 của Việt Nam, chỉ số nào cao nhất?",
  "Dịch vụ công trực tuyến (OSI), 0,8162", E8c)
a(8, "derived", "Trung bình cộng ba chỉ số thành phần EGDI 2024 của Việt Nam là bao nhiêu?",
  "0,7709 (0,8162 + 0,7877 + 0,7089 = 2,3128; chia 3), đúng bằng điểm EGDI", E8c)
a(8, "rank", "Việt Nam xếp thứ mấy trong khu vực Đông Nam Á về EGDI?", "thứ năm",
  "Trong khu vực Đông Nam Á, Việt Nam đứng thứ năm, sau Singapore, Malaysia, Thái Lan và Brunei")
a(8, "list", "Những nước Đông Nam Á nào xếp trên Việt Nam về EGDI 2024?", "Singapore, Malaysia, Thái Lan và Brunei",
  "Trong khu vực Đông Nam Á, Việt Nam đứng thứ năm, sau Singapore, Malaysia, Thái Lan và Brunei")
a(8, "rank", "Thua Thien Hue xep hang may trong ICT Index lan cong bo cuoi", "hạng 3",
  "Thừa Thiên Huế xếp hạng 3 và Hải Phòng xếp hạng 7")
a(8, "score", "Hải Phòng được bao nhiêu điểm DTI năm 2023?", "0,6584", "Hải Phòng đạt 0,6584 điểm, hạng 6")
a(8, "rank", "Thừa Thiên Huế xếp hạng mấy trong bảng chuyển đổi số năm 2023?", "hạng 5",
  "Thừa Thiên Huế đạt 0,6610 điểm, hạng 5")
a(8, "entity", "Trong hai năm 2021 và 2022, địa phương nào dẫn đầu cả nước ở trụ cột chính quyền số?", "Thừa Thiên Huế",
  "Trường hợp Thừa Thiên Huế minh họa rõ điều này. Tỉnh dẫn đầu cả nước về trụ cột chính quyền số trong hai năm 2021 và 2022")
a(8, "rank", "Mảng kinh tế số của Hải Phòng năm 2023 xếp thứ bao nhiêu?", "hạng 4",
  "Hải Phòng đứng hạng 4 về kinh tế số")
a(8, "claim", "Năm 2023, Hải Phòng có điểm DTI cao hơn Thừa Thiên Huế, đúng hay sai?",
  "Sai: Thừa Thiên Huế đạt 0,6610 điểm (hạng 5), cao hơn Hải Phòng 0,6584 điểm (hạng 6); chênh 0,0026 điểm.",
  "năm 2023, Thừa Thiên Huế đạt 0,6610 điểm, hạng 5; Hải Phòng đạt 0,6584 điểm, hạng 6", "sai")
u("What was Vietnam's EGDI ranking in 2020?")
u("Hải Phòng đứng hạng mấy trên bảng DTI năm 2022?")
u("EGDI cua Thai Lan nam 2024 dat bao nhieu diem")

# ---------------- hg09 Tuyên Quang timeline ----------------
E9_20 = "Tuyên Quang đạt 386,42 điểm, xếp hạng ba mươi lăm"
E9_24 = "Tuyên Quang đạt 0,6240 điểm, xếp hạng mười lăm, tăng sáu bậc so với năm trước"
a(9, "rank", "Năm 2019, Tuyên Quang đứng hạng bao nhiêu theo ICT Index?", "hạng bốn mươi mốt",
  "thước đo khi đó là ICT Index, trong đó tỉnh xếp hạng bốn mươi mốt")
a(9, "score", "Ở năm đầu tiên có DTI, Tuyên Quang đạt bao nhiêu điểm trên thang 1.000?", "386,42 điểm", E9_20)
a(9, "rank", "What was Tuyen Quang's DTI rank in 2020?", "hạng ba mươi lăm", E9_20)
a(9, "date", "Tỉnh ủy Tuyên Quang ra Nghị quyết 12-NQ/TU về chuyển đổi số vào ngày nào?", "8/10/2020",
  "Ngày 8/10/2020, Tỉnh ủy ban hành Nghị quyết số 12-NQ/TU")
a(9, "rank", "Tuyen Quang xep hang DTI nam 2021 la bao nhieu", "hạng hai mươi chín",
  "Tỉnh đạt 0,4125 điểm và tăng sáu bậc, lên hạng hai mươi chín")
a(9, "score", "Điểm DTI năm 2022 của Tuyên Quang là bao nhiêu?", "0,4987",
  "Tuyên Quang đạt 0,4987 điểm, xếp hạng mười bảy, thêm mười hai bậc")
a(9, "rank_change", "Năm 2022, Tuyên Quang leo thêm bao nhiêu bậc trên bảng DTI?", "mười hai bậc",
  "Tuyên Quang đạt 0,4987 điểm, xếp hạng mười bảy, thêm mười hai bậc")
a(9, "rank", "Năm 2023, Tuyên Quang rơi xuống hạng mấy?", "hạng hai mươi mốt",
  "thứ hạng lại giảm bốn bậc, xuống hạng hai mươi mốt")
a(9, "rank_change", "nam 2023 thu hang DTI cua Tuyen Quang thay doi the nao", "giảm bốn bậc",
  "thứ hạng lại giảm bốn bậc, xuống hạng hai mươi mốt")
a(9, "rank", "Trụ cột kinh tế số của Tuyên Quang năm 2023 đứng hạng bao nhiêu?", "hạng năm mươi hai",
  "Trụ cột kinh tế số chỉ xếp hạng năm mươi hai")
a(9, "score", "Tuyên Quang đạt bao nhiêu điểm DTI năm 2024?", "0,6240", E9_24)
a(9, "amount", "Năm 2022 Tuyên Quang chi bao nhiêu cho chuyển đổi số?", "61 tỷ đồng",
  "Tỉnh chi 118 tỷ đồng cho chuyển đổi số trong năm, gần gấp đôi năm 2022 (61 tỷ đồng)")
a(9, "amount", "How much did Tuyen Quang spend on digital transformation in 2024?", "118 tỷ đồng",
  "Tỉnh chi 118 tỷ đồng cho chuyển đổi số trong năm, gần gấp đôi năm 2022 (61 tỷ đồng)")
a(9, "superlative", "Năm nào Tuyên Quang có bước nhảy hạng DTI lớn nhất?",
  "Năm 2022 (thêm mười hai bậc, lên hạng mười bảy)",
  "thêm mười hai bậc, là năm tăng hạng mạnh nhất trong cả giai đoạn")
a(9, "rank_change", "Gộp cả giai đoạn có DTI, Tuyên Quang đã cải thiện tổng cộng bao nhiêu bậc?", "hai mươi bậc",
  "Tuyên Quang đã tăng tổng cộng hai mươi bậc, từ hạng ba mươi lăm lên hạng mười lăm")
a(9, "percent", "Nghị quyết 12 của Tuyên Quang đặt mục tiêu kinh tế số chiếm bao nhiêu phần trăm GRDP năm 2025?", "10%",
  "mục tiêu Nghị quyết 12 đặt ra cho năm 2025 là 10%")
a(9, "list", "Tuyên Quang sẽ đẩy mạnh thương mại điện tử cho những sản phẩm chủ lực nào?",
  "Chè, cam sành và gỗ rừng trồng",
  "thương mại điện tử cho các sản phẩm chủ lực như chè, cam sành và gỗ rừng trồng")
u("Tuyên Quang đứng thứ mấy về chỉ số chuyển đổi số DTI năm 2019?")
u("What was Tuyen Quang's online application rate in 2023?")
u("diem ICT Index cua Tuyen Quang nam 2019 la bao nhieu")

# ---------------- hg10 Nghệ An (correction notice) ----------------
E10 = "Nay sửa lại là: Nghệ An đạt 0,5412 điểm, xếp hạng 30/63, tăng 8 bậc so với năm 2022"
E10p = "Số liệu đúng là 47,5%; con số 74,5% là tỷ lệ thủ tục hành chính đủ điều kiện đã được cung cấp trực tuyến toàn trình"
a(10, "score", "Sau khi đính chính, điểm DTI 2023 của Nghệ An là bao nhiêu?", "0,5412", E10)
a(10, "rank", "What is Nghe An's correct 2023 DTI rank?", "30/63", E10)
a(10, "rank_change", "Nghe An tang bao nhieu bac DTI nam 2023", "tăng 8 bậc", E10)
a(10, "derived", "Năm 2022 Nghệ An đứng hạng bao nhiêu về DTI?", "Hạng 38 (năm 2023 hạng 30/63, tăng 8 bậc)", E10)
a(10, "percent", "Con số đúng về tỷ lệ hồ sơ nộp trực tuyến toàn trình của Nghệ An năm 2023 là bao nhiêu?", "47,5%", E10p)
a(10, "percent", "Ở Nghệ An, bao nhiêu phần trăm thủ tục đáp ứng điều kiện đã được cung cấp dưới dạng dịch vụ trực tuyến toàn trình?",
  "74,5%", E10p)
a(10, "rank", "Sau đính chính, trụ cột chính quyền số của Nghệ An xếp hạng mấy?", "hạng 15",
  "Số liệu đúng: trụ cột chính quyền số xếp hạng 15")
a(10, "rank", "tru cot xa hoi so cua Nghe An xep hang bao nhieu", "hạng 35",
  "trụ cột xã hội số xếp hạng 35 và trụ cột kinh tế số xếp hạng 41")
a(10, "score", "Điểm chuyển đổi số cấp huyện đúng của thành phố Vinh là bao nhiêu?", "0,7125",
  "Thực tế, thành phố Vinh đứng đầu với 0,7125 điểm")
a(10, "entity", "Đơn vị cấp huyện nào về nhì trong bộ chỉ số chuyển đổi số của Nghệ An?", "thị xã Cửa Lò",
  "thị xã Cửa Lò đứng thứ hai với 0,6804 điểm")
a(10, "entity", "Địa phương cấp huyện nào xếp chót bảng chuyển đổi số cấp huyện ở Nghệ An?", "huyện Tương Dương",
  "huyện Tương Dương đứng cuối với 0,3912 điểm")
a(10, "amount", "Nghệ An thực chi bao nhiêu cho chuyển đổi số năm 2023?", "97,6 tỷ đồng",
  "Kinh phí chuyển đổi số năm 2023 của tỉnh là 97,6 tỷ đồng, không phải 976 tỷ đồng như đã đăng")
a(10, "date", "Theo đoạn mở đầu đã sửa, Bộ TT&TT công bố kết quả DTI 2023 vào ngày nào?", "2/7/2024",
  "Theo kết quả Bộ Thông tin và Truyền thông công bố ngày 2/7/2024")
a(10, "rank", "Nghe An xep thu may trong khu vuc Bac Trung Bo", "thứ ba",
  "Trong khu vực Bắc Trung Bộ, Nghệ An xếp thứ ba, sau Thừa Thiên Huế và Hà Tĩnh")
a(10, "claim", "Nghệ An đã tăng 13 bậc trên bảng DTI 2023 – thông tin này có chính xác không?",
  "Sai: con số 13 bậc đã được đính chính; Nghệ An tăng 8 bậc, lên hạng 30/63.", E10, "sai")
a(10, "claim", "Is it true that Nghe An's DTI rank improved for a second consecutive year in 2023?",
  "Đúng: đây là năm thứ hai liên tiếp tỉnh tăng hạng.", "Đây là năm thứ hai liên tiếp tỉnh tăng hạng.", "đúng")
u("Điểm DTI năm 2022 của Nghệ An là bao nhiêu?")
u("What DTI score did Quynh Luu district in Nghe An receive?")
u("PAPI 2023 cua Nghe An xep hang may")


def main():
    out = os.path.join(HERE, "questions.jsonl")
    with open(out, "w", encoding="utf-8") as fh:
        for i, (doc, kind, question, answer, evidence, verdict) in enumerate(Q, 1):
            rec = {
                "id": f"hg{i:03d}",
                "question": question,
                "answer": answer,
                "doc_ids": [D[doc]] if doc else [],
                "evidence": evidence,
                "answerable": doc is not None,
                "kind": kind,
            }
            if kind == "claim":
                rec["verdict"] = verdict
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"wrote {len(Q)} questions to {out}")


if __name__ == "__main__":
    main()
