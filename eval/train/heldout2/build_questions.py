import json, os
D = {
 1: "hc01_ban_tin_truyen_hinh_dti_2024.txt",
 2: "hc02_bao_cao_tong_ket_so_tttt_ha_tinh_2023.txt",
 3: "hc03_hoi_dap_cach_cham_diem_dti.txt",
 4: "hc04_tin_nhanh_nghe_an_dti_2023.txt",
 5: "hc05_international_report_dti_2023.txt",
 6: "hc06_lai_chau_tham_ban_so.txt",
 7: "hc07_so_sanh_dti_pci_papi_dong_thap_ben_tre_2023.txt",
 8: "hc08_bo_tnmt_danh_gia_cds_don_vi_2023.txt",
 9: "hc09_nhin_lai_top5_dti_2020_2023.txt",
 10: "hc10_tay_ninh_moi_sau_hop_nhat.txt",
}
Q = []
def q(question, answer, doc, evidence, kind, verdict=None):
    Q.append((question, answer, doc, evidence, kind, verdict))
def u(question):
    Q.append((question, "", None, "", "unanswerable", None))

# ---- hc01: TV transcript, DTI 2024
q("Thủ đô Hà Nội được bao nhiêu điểm trong kỳ đánh giá chuyển đổi số năm 2024?", "0,7135", 1, "Thủ đô Hà Nội tiếp tục giữ ngôi đầu với 0,7135 điểm", "score")
q("Trên bảng DTI 2024, Bắc Ninh đứng ở vị trí nào?", "thứ hai", 1, "Vị trí thứ hai thuộc về Bắc Ninh với 0,7010 điểm", "rank")
q("TP.HCM giành được bao nhiêu điểm DTI năm 2024?", "0,6944", 1, "Thành phố Hồ Chí Minh đứng thứ ba với 0,6944 điểm", "score")
q("Mức điểm bình quân của các tỉnh, thành phố trong DTI 2024 là bao nhiêu?", "0,5927", 1, "Điểm bình quân của 63 tỉnh, thành phố đạt 0,5927", "score")
q("Năm 2024, khoảng cách điểm giữa địa phương đứng đầu và địa phương cuối bảng chuyển đổi số còn bao nhiêu?", "0,2810 điểm", 1, "đã thu hẹp xuống còn 0,2810 điểm", "score")
q("Long An xếp hạng mấy cả nước trong bộ chỉ số chuyển đổi số 2024?", "12/63", 1, "Long An đạt 0,6421 điểm, đứng thứ 12/63", "rank")
q("Long An đã leo thêm bao nhiêu hạng trong DTI 2024 so với kỳ trước?", "11 bậc", 1, "tăng 11 bậc so với vị trí thứ 23 của năm 2023", "rank_change")
q("Ở trụ cột kinh tế số năm 2024, Long An đứng thứ mấy toàn quốc?", "thứ 7", 1, "Long An lọt vào top 10 khi xếp thứ 7 toàn quốc", "rank")
q("Bao nhiêu phần trăm doanh nghiệp nhỏ và vừa tại Long An đang dùng nền tảng số?", "58,4%", 1, "tỷ lệ doanh nghiệp nhỏ và vừa sử dụng nền tảng số đã đạt 58,4%", "percent")
q("Năm 2024 Long An đã đưa vào hoạt động mấy cơ sở dữ liệu chuyên ngành?", "14", 1, "tỉnh đưa vào vận hành 14 cơ sở dữ liệu chuyên ngành", "count")
q("Tỷ lệ người lớn ở Long An sở hữu tài khoản thanh toán điện tử là bao nhiêu?", "81,2%", 1, "Hiện 81,2% người trưởng thành ở Long An đã có tài khoản thanh toán điện tử", "percent")
q("Quảng Trị đạt bao nhiêu điểm trong DTI 2024?", "0,6105", 1, "từ hạng 33 vươn lên hạng 19 với 0,6105 điểm", "score")
q("Quảng Trị đã tăng bao nhiêu bậc trên bảng xếp hạng chuyển đổi số năm 2024?", "14 bậc", 1, "từ hạng 33 vươn lên hạng 19 với 0,6105 điểm", "derived")
q("Trong khối bộ, ngành có cung cấp dịch vụ công, cơ quan nào dẫn đầu DTI 2024?", "Ngân hàng Nhà nước Việt Nam", 1, "Ngân hàng Nhà nước Việt Nam dẫn đầu với 0,8120 điểm", "entity")
q("Có bao nhiêu tỉnh, thành phố bị tụt hạng trong kỳ đánh giá 2024?", "18", 1, "41 địa phương cải thiện thứ hạng, 4 địa phương giữ nguyên và 18 địa phương tụt hạng", "count")
q("Kết quả DTI 2024 được công bố vào ngày nào?", "18/6/2025", 1, "chiều nay, ngày 18/6/2025, tại Hà Nội", "date")
q("How many online public-service dossiers did Long An's smart operations centre show for the day in the TV report?", "2.318", 1, "tiếp nhận trong ngày: 2.318 hồ sơ", "count")
q("Which ministry chaired the DTI 2024 assessment?", "Bộ Khoa học và Công nghệ", 1, "là lần đầu tiên việc đánh giá do Bộ Khoa học và Công nghệ chủ trì", "entity")
q("Tay Ninh dung thu may tren bang xep hang chuyen doi so nam 2024?", "27/63", 1, "tỉnh láng giềng Tây Ninh xếp thứ 27/63 với 0,5893 điểm", "rank")
q("Có phải Long An lọt vào top 10 chung cuộc DTI 2024 không?", "12/63", 1, "Long An đạt 0,6421 điểm, đứng thứ 12/63", "claim", "sai")
q("So dia phuong cai thien thu hang trong DTI 2024 la bao nhieu?", "41", 1, "41 địa phương cải thiện thứ hạng", "count")

# ---- hc02: Ha Tinh year-end report
q("Cổng dịch vụ công Hà Tĩnh cung cấp tổng cộng bao nhiêu dịch vụ công trực tuyến trong năm 2023?", "1.240", 2, "cung cấp 1.240 dịch vụ công trực tuyến", "count")
q("Trong số dịch vụ công trực tuyến của Hà Tĩnh, có bao nhiêu dịch vụ toàn trình?", "612", 2, "trong đó có 612 dịch vụ toàn trình", "count")
q("Năm 2023, tỷ lệ hồ sơ ở Hà Tĩnh được giải quyết trực tuyến toàn trình là bao nhiêu?", "47,6%", 2, "Tỷ lệ hồ sơ được xử lý trực tuyến toàn trình đạt 47,6%", "percent")
q("Tỷ lệ hồ sơ trực tuyến toàn trình của Hà Tĩnh tăng bao nhiêu điểm phần trăm từ 2022 sang 2023?", "15,8 điểm phần trăm", 2, "Tỷ lệ hồ sơ được xử lý trực tuyến toàn trình đạt 47,6%, trong khi năm 2022 chỉ là 31,8%", "derived")
q("Văn bản điện tử được ký số chiếm bao nhiêu phần trăm ở Hà Tĩnh năm 2023?", "97,3%", 2, "tỷ lệ văn bản điện tử có ký số đạt 97,3%", "percent")
q("Năm 2023 Hà Tĩnh số hóa được bao nhiêu phần trăm hồ sơ, kết quả giải quyết thủ tục hành chính?", "78,9%", 2, "Số hóa hồ sơ, kết quả giải quyết TTHC | 52,0% | 78,9% | 90%", "percent")
q("Tỷ lệ phí, lệ phí được thanh toán trực tuyến tại Hà Tĩnh năm 2023 đạt mức nào?", "41,2%", 2, "Thanh toán trực tuyến phí, lệ phí | 24,5% | 41,2% | 50%", "percent")
q("Hà Tĩnh có bao nhiêu doanh nghiệp công nghệ số tính đến cuối 2023?", "418", 2, "Toàn tỉnh có 418 doanh nghiệp công nghệ số", "count")
q("Hà Tĩnh đã lập bao nhiêu tổ công nghệ số cộng đồng?", "2.150", 2, "Đã thành lập 2.150 tổ công nghệ số cộng đồng", "count")
q("Kinh tế số đóng góp khoảng bao nhiêu phần trăm GRDP của Hà Tĩnh năm 2023?", "7,8%", 2, "Tỷ trọng kinh tế số trong GRDP ước đạt 7,8%", "percent")
q("What share of households in Hà Tĩnh had a fibre-optic connection in 2023?", "86,4%", 2, "86,4% hộ gia đình có đường truyền cáp quang", "percent")
q("Điểm DTI 2022 của Hà Tĩnh là bao nhiêu?", "0,5198", 2, "Hà Tĩnh đạt 0,5198 điểm, xếp thứ 23/63", "score")
q("Trong DTI 2022, Hà Tĩnh đứng vị trí thứ mấy?", "23/63", 2, "Hà Tĩnh đạt 0,5198 điểm, xếp thứ 23/63", "rank")
q("Hà Tĩnh tiến bao nhiêu bậc ở DTI 2022 so với năm 2021?", "6 bậc", 2, "tăng 6 bậc so với năm 2021 (thứ 29/63)", "rank_change")
q("Năm 2021 Hà Tĩnh xếp thứ mấy về chuyển đổi số?", "29/63", 2, "tăng 6 bậc so với năm 2021 (thứ 29/63)", "rank")
q("Riêng mảng chính quyền số trong DTI 2022, Hà Tĩnh xếp hạng bao nhiêu?", "17/63", 2, "Riêng chỉ số chính quyền số, tỉnh xếp thứ 17/63", "rank")
q("Hà Tĩnh đã chi bao nhiêu tiền cho chuyển đổi số trong năm 2023?", "86,5 tỷ đồng", 2, "tổng chi cho chuyển đổi số năm 2023 đạt 86,5 tỷ đồng", "amount")
q("Mức chi chuyển đổi số năm 2023 của Hà Tĩnh bằng bao nhiêu phần trăm kế hoạch?", "72%", 2, "bằng 72% kế hoạch được giao", "percent")
q("Kinh phí dự kiến cho chuyển đổi số Hà Tĩnh năm 2024 là bao nhiêu?", "112 tỷ đồng", 2, "Dự kiến bố trí 112 tỷ đồng cho các nhiệm vụ chuyển đổi số năm 2024", "amount")
q("Trung bình mỗi sở, ngành ở Hà Tĩnh có mấy cán bộ chuyên trách CNTT?", "1,4", 2, "bình quân mỗi sở, ngành chỉ có 1,4 cán bộ chuyên trách công nghệ thông tin", "count")
q("Hạn chót hoàn thành Trung tâm điều hành thông minh của Hà Tĩnh là khi nào?", "30/9/2024", 2, "Hoàn thành Trung tâm điều hành thông minh cấp tỉnh trước ngày 30/9/2024", "date")
q("Ha Tinh co bao nhieu thanh vien to cong nghe so cong dong?", "11.870", 2, "với tổng cộng 11.870 thành viên", "count")
q("Hà Tĩnh đã lọt vào top 20 DTI 2022, đúng hay sai?", "23/63", 2, "Hà Tĩnh đạt 0,5198 điểm, xếp thứ 23/63", "claim", "sai")
q("Ban Chi dao chuyen doi so Ha Tinh hop dinh ky bao nhieu phien nam 2023?", "04", 2, "Ban Chỉ đạo chuyển đổi số tỉnh tổ chức 04 phiên họp định kỳ", "count")

# ---- hc03: Q&A explainer
q("Trong khung đánh giá DTI cấp tỉnh năm 2022, trụ cột kinh tế số chiếm trọng số bao nhiêu?", "20%", 3, "kinh tế số 20%", "percent")
q("Khung DTI tỉnh năm 2022 gồm bao nhiêu chỉ số thành phần?", "101", 3, "tổng cộng 9 chỉ số chính và 101 chỉ số thành phần", "count")
q("Bình Định có tổng điểm chuyển đổi số năm 2022 là bao nhiêu?", "0,5535", 3, "tổng điểm DTI của Bình Định là 0,5535, xếp thứ 15/63", "score")
q("Năm 2022 Bình Định xếp hạng mấy về DTI?", "15/63", 3, "tổng điểm DTI của Bình Định là 0,5535, xếp thứ 15/63", "rank")
q("Phú Yên đạt tổng cộng bao nhiêu điểm DTI 2022?", "0,4797", 3, "cho tổng điểm 0,4797 và đứng thứ 38/63", "score")
q("Phú Yên đứng vị trí nào trên bảng chuyển đổi số năm 2022?", "38/63", 3, "cho tổng điểm 0,4797 và đứng thứ 38/63", "rank")
q("Điểm trụ cột chính quyền số của Bình Định năm 2022 là bao nhiêu?", "0,6120", 3, "chính quyền số 0,6120", "score")
q("Phú Yên được mấy điểm ở trụ cột kinh tế số năm 2022?", "0,3860", 3, "kinh tế số 0,3860", "score")
q("Tổng điểm DTI 2022 của Bình Định cao hơn Phú Yên bao nhiêu?", "0,0738", 3, "Bình Định hơn Phú Yên 0,0738 điểm tổng và 23 bậc xếp hạng", "comparison")
q("Bình Định và Phú Yên cách nhau bao nhiêu bậc trong DTI 2022?", "23 bậc", 3, "Bình Định hơn Phú Yên 0,0738 điểm tổng và 23 bậc xếp hạng", "comparison")
q("Giữa Bình Định và Phú Yên, trụ cột nào có độ chênh điểm lớn nhất?", "chính quyền số", 3, "Chênh lệch lớn nhất nằm ở trụ cột chính quyền số, với 0,0880 điểm", "superlative")
q("Đợt đánh giá năm 2022 thu về khoảng bao nhiêu phiếu khảo sát người dân, doanh nghiệp?", "1,1 triệu", 3, "thu về gần 1,1 triệu phiếu khảo sát trên cả nước", "count")
q("Ba trụ cột trong điểm DTI cấp tỉnh là gì?", "chính quyền số, kinh tế số, xã hội số", 3, "ba trụ cột chính quyền số, kinh tế số, xã hội số", "list")
q("What weight does the digital government pillar carry in the 2022 provincial DTI framework?", "30%", 3, "chính quyền số 30%", "percent")
q("Diem xa hoi so cua Binh Dinh nam 2022 la bao nhieu?", "0,5010", 3, "xã hội số 0,5010", "score")
q("Chỉ số thành phần khai báo không có minh chứng thì nhận bao nhiêu điểm?", "0 điểm", 3, "Chỉ số thành phần đó sẽ bị chấm 0 điểm", "score")
q("Chênh lệch kinh tế số giữa Bình Định và Phú Yên năm 2022 là 0,0610 điểm, đúng không?", "0,0610", 3, "Ở kinh tế số, khoảng cách là 0,0610 điểm", "claim", "đúng")

# ---- hc04: Nghe An brief
q("Nghệ An đạt bao nhiêu điểm DTI 2023?", "0,5602", 4, "Nghệ An đạt 0,5602 điểm, đứng thứ 18/63 tỉnh, thành phố", "score")
q("Vị trí của Nghệ An trong bảng xếp hạng chuyển đổi số năm 2023?", "18/63", 4, "Nghệ An đạt 0,5602 điểm, đứng thứ 18/63 tỉnh, thành phố", "rank")
q("Nghệ An cải thiện bao nhiêu hạng trong DTI 2023?", "7 bậc", 4, "tăng 7 bậc so với năm 2022 khi tỉnh xếp thứ 25", "rank_change")
q("Năm 2022 Nghệ An xếp thứ bao nhiêu về chuyển đổi số?", "thứ 25", 4, "tăng 7 bậc so với năm 2022 khi tỉnh xếp thứ 25", "rank")
q("Nghệ An xếp thứ mấy ở trụ cột chính quyền số năm 2023?", "thứ 12", 4, "tỉnh xếp thứ 12 về chính quyền số", "rank")
q("Trụ cột kinh tế số của Nghệ An năm 2023 đứng hạng nào?", "thứ 29", 4, "thứ 29 về kinh tế số", "rank")
q("Năm 2023 Nghệ An nhận được bao nhiêu hồ sơ trực tuyến?", "642.000", 4, "tiếp nhận 642.000 hồ sơ trực tuyến", "count")
q("Tỷ lệ kết quả giải quyết thủ tục được số hóa ở Nghệ An là bao nhiêu?", "87,5%", 4, "87,5% kết quả giải quyết được số hóa", "percent")
q("How many level-2 electronic ID accounts had been activated in Nghệ An?", "1,2 triệu", 4, "Toàn tỉnh có 1,2 triệu tài khoản định danh điện tử mức 2 đã kích hoạt", "count")
q("Doanh thu thương mại điện tử của Nghệ An năm 2023 ước tính bao nhiêu?", "2.450 tỷ đồng", 4, "Doanh thu thương mại điện tử ước đạt 2.450 tỷ đồng", "amount")
q("Ty le ho so toan trinh cua Nghe An nam 2023?", "52,3%", 4, "tỷ lệ toàn trình đạt 52,3%", "percent")
q("Nghệ An xếp thứ 12 chung cuộc trong DTI 2023, đúng không?", "18/63", 4, "Nghệ An đạt 0,5602 điểm, đứng thứ 18/63 tỉnh, thành phố", "claim", "sai")
q("Nghệ An có bao nhiêu tổ công nghệ số cộng đồng?", "3.840", 4, "3.840 tổ công nghệ số cộng đồng với 19.200 thành viên", "count")

# ---- hc05: English international report
q("Which province came second in the DTI 2023 provincial ranking?", "Bắc Ninh", 5, "followed by Bắc Ninh in second place with 0.6611", "entity")
q("What score did Hà Nội obtain in DTI 2023?", "0.6742", 5, "Hà Nội topped the provincial ranking with a score of 0.6742", "score")
q("What was Lào Cai's rank in DTI 2023?", "14th", 5, "Lào Cai, in 14th place with 0.5710", "rank")
q("Which northern mountainous province performed best in DTI 2023 according to ADGP?", "Lào Cai", 5, "was described as the best performer among the northern mountainous provinces", "superlative")
q("Where did Sơn La place in the DTI 2023 ranking?", "41st", 5, "Sơn La placed 41st with 0.4870", "rank")
q("What was the median provincial DTI score in 2023?", "0.5190", 5, "the median provincial score was 0.5190", "score")
q("How many households did ADGP survey?", "2,400", 5, "ADGP surveyed 2,400 households in six provinces", "count")
q("Theo khảo sát của ADGP, bao nhiêu phần trăm hộ ở Kon Tum đã thanh toán không tiền mặt trong tháng trước?", "38%", 5, "Only 38% of surveyed households in Kon Tum said they had made a cashless payment", "percent")
q("Tỷ lệ hộ gia đình ở Bắc Ninh dùng thanh toán không tiền mặt theo khảo sát ADGP là bao nhiêu?", "79%", 5, "compared with 79% in Bắc Ninh", "percent")
q("Kon Tum đứng thứ mấy trong DTI 2023?", "58th", 5, "Kon Tum ranked 58th with 0.4302", "rank")
q("Ca Mau dat bao nhieu diem DTI 2023?", "0.4533", 5, "Cà Mau came 52nd with 0.4533", "score")
q("Khoảng cách điểm giữa tỉnh đứng đầu và tỉnh đứng cuối DTI 2023 là bao nhiêu?", "0.3115", 5, "stood at 0.3115 points", "score")
q("Ghi chú chính sách của ADGP được công bố khi nào?", "October 2024", 5, "A policy note published in October 2024", "date")
q("Bao nhiêu phần trăm hộ ở Lào Cai từng dùng dịch vụ công trực tuyến?", "61%", 5, "61% reported having used an online public service at least once", "percent")
q("Is it true that Hồ Chí Minh City ranked third in DTI 2023 with 0.6580?", "0.6580", 5, "Hồ Chí Minh City in third with 0.6580", "claim", "đúng")

# ---- hc06: Lai Chau feature
q("Tính đến hết năm 2023, Lai Châu có bao nhiêu tổ công nghệ số cộng đồng?", "1.036", 6, "toàn tỉnh đã thành lập 1.036 tổ công nghệ số cộng đồng", "count")
q("Lực lượng tổ công nghệ số cộng đồng ở Lai Châu có khoảng bao nhiêu người?", "5.180", 6, "với khoảng 5.180 thành viên", "count")
q("Bao nhiêu xã, phường, thị trấn ở Lai Châu đã đạt tiêu chí xã chuyển đổi số?", "42", 6, "đã có 42 đơn vị được công nhận đạt tiêu chí xã chuyển đổi số", "count")
q("Huyện nào của Lai Châu có số xã đạt chuẩn chuyển đổi số nhiều nhất?", "Than Uyên", 6, "Huyện Than Uyên dẫn đầu với 9 xã đạt chuẩn", "superlative")
q("Huyện Mường Tè mới có mấy xã chuyển đổi số?", "2", 6, "mới có 2 xã", "count")
q("Ở chợ trung tâm Tam Đường, tỷ lệ tiểu thương dùng mã QR là bao nhiêu?", "64,3%", 6, "64,3% tiểu thương đã treo mã QR để nhận tiền", "percent")
q("What share of social-welfare payments in Lai Châu are made without cash?", "71,5%", 6, "71,5% khoản chi trả an sinh xã hội đã được thực hiện không dùng tiền mặt", "percent")
q("Tỷ lệ hộ ở xã vùng sâu Lai Châu thường xuyên trả tiền qua điện thoại khoảng bao nhiêu?", "35%", 6, "ở các xã vùng sâu mới khoảng 35%", "percent")
q("Lai Châu còn bao nhiêu thôn, bản chưa có sóng 4G ổn định?", "27", 6, "Hiện còn 27 thôn, bản chưa có sóng di động 4G ổn định", "count")
q("Lai Châu đứng thứ mấy về chỉ số chuyển đổi số năm 2023?", "36/63", 6, "Lai Châu xếp thứ 36/63 về chỉ số chuyển đổi số", "rank")
q("Lai Chau tang bao nhieu bac ve chuyen doi so nam 2023?", "9 bậc", 6, "tăng 9 bậc so với năm trước", "rank_change")
q("Suy ra từ bài viết, Lai Châu xếp thứ mấy về chuyển đổi số năm 2022?", "45", 6, "Lai Châu xếp thứ 36/63 về chỉ số chuyển đổi số, tăng 9 bậc so với năm trước", "derived")
q("Lai Châu đã có hơn một nửa số xã đạt tiêu chí xã chuyển đổi số, đúng hay sai?", "42", 6, "Trong số 106 xã, phường, thị trấn, đã có 42 đơn vị", "claim", "sai")
q("Tổ trưởng tổ công nghệ số ở bản Sì Thâu Chải là ai?", "Tẩn Mẩy Chiêu", 6, "chị Tẩn Mẩy Chiêu, tổ trưởng tổ công nghệ số cộng đồng", "entity")

# ---- hc07: DTI vs PCI vs PAPI
q("Năm 2023 Đồng Tháp xếp thứ mấy về chuyển đổi số?", "9/63", 7, "Đồng Tháp là tỉnh duy nhất của vùng có mặt trong top 10 với 0,5986 điểm, xếp thứ 9/63", "rank")
q("Bến Tre đạt bao nhiêu điểm DTI 2023?", "0,5208", 7, "Bến Tre đạt 0,5208 điểm và đứng thứ 31", "score")
q("Bến Tre đứng thứ mấy trên bảng DTI 2023?", "31", 7, "Bến Tre đạt 0,5208 điểm và đứng thứ 31", "rank")
q("Trong DTI 2023, Bến Tre kém Đồng Tháp bao nhiêu bậc?", "22 bậc", 7, "tức là kém láng giềng 22 bậc", "comparison")
q("Đồng Tháp xếp hạng bao nhiêu ở trụ cột chính quyền số năm 2023?", "thứ 6", 7, "nơi tỉnh xếp thứ 6 cả nước", "rank")
q("Về xã hội số năm 2023, tỉnh nào xếp trên: Đồng Tháp hay Bến Tre?", "Bến Tre", 7, "Bến Tre lại nhỉnh hơn ở xã hội số với vị trí thứ 20 so với vị trí thứ 24 của Đồng Tháp", "comparison")
q("Điểm PCI 2023 của Đồng Tháp là bao nhiêu?", "70,22", 7, "Đồng Tháp đạt 70,22 điểm, đứng thứ 4 toàn quốc", "score")
q("Bến Tre đứng thứ mấy trong PCI 2023?", "thứ 11", 7, "Bến Tre có 68,42 điểm và xếp thứ 11", "rank")
q("Chenh lech diem PCI 2023 giua Dong Thap va Ben Tre la bao nhieu?", "1,80", 7, "Đồng Tháp đạt 70,22 điểm, đứng thứ 4 toàn quốc, còn Bến Tre có 68,42 điểm", "derived")
q("Ở chỉ số chi phí không chính thức, tỉnh nào có điểm tốt hơn giữa Bến Tre và Đồng Tháp?", "Bến Tre", 7, "riêng Bến Tre có điểm chi phí không chính thức tốt hơn, đạt 7,15 so với 6,88 của Đồng Tháp", "comparison")
q("What was Bến Tre's PAPI 2023 score?", "42,67", 7, "Bến Tre đạt 42,67 điểm", "score")
q("Nội dung quản trị điện tử trong PAPI 2023 của Đồng Tháp được bao nhiêu điểm?", "3,61", 7, "Đồng Tháp chỉ đạt 3,61 điểm và Bến Tre 2,98 điểm trên thang 10", "score")
q("Đồng Tháp có phải là tỉnh duy nhất của đồng bằng sông Cửu Long trong top 10 DTI 2023?", "9/63", 7, "Đồng Tháp là tỉnh duy nhất của vùng có mặt trong top 10 với 0,5986 điểm, xếp thứ 9/63", "claim", "đúng")
q("Bến Tre xếp thứ 11 về chuyển đổi số năm 2023, đúng không?", "31", 7, "Bến Tre đạt 0,5208 điểm và đứng thứ 31", "claim", "sai")
q("Đồng Tháp đạt 70,22 điểm DTI năm 2023, đúng hay sai?", "0,5986", 7, "Đồng Tháp là tỉnh duy nhất của vùng có mặt trong top 10 với 0,5986 điểm", "claim", "sai")

# ---- hc08: MONRE internal ranking
q("Bộ Tài nguyên và Môi trường đánh giá chuyển đổi số bao nhiêu đơn vị trực thuộc năm 2023?", "27", 8, "Năm nay, 27 đơn vị được đánh giá", "count")
q("Đơn vị nào có điểm chuyển đổi số cao nhất toàn Bộ Tài nguyên và Môi trường năm 2023?", "Cục Chuyển đổi số và Thông tin dữ liệu tài nguyên môi trường", 8, "Cục Chuyển đổi số và Thông tin dữ liệu tài nguyên môi trường dẫn đầu với 91,6 điểm", "entity")
q("Cục dẫn đầu Bộ TN&MT đạt bao nhiêu điểm?", "91,6", 8, "Cục Chuyển đổi số và Thông tin dữ liệu tài nguyên môi trường dẫn đầu với 91,6 điểm", "score")
q("Cục Đo đạc, Bản đồ và Thông tin địa lý Việt Nam xếp thứ mấy trong khối cục?", "thứ hai", 8, "Cục Đo đạc, Bản đồ và Thông tin địa lý Việt Nam xếp thứ hai với 86,3 điểm", "rank")
q("Cục Biến đổi khí hậu đạt bao nhiêu điểm chuyển đổi số năm 2023?", "82,0", 8, "tiếp theo là Cục Biến đổi khí hậu với 82,0 điểm", "score")
q("Đơn vị nào đứng đầu khối vụ và văn phòng của Bộ TN&MT?", "Vụ Pháp chế", 8, "Vụ Pháp chế đứng đầu với 84,7 điểm", "entity")
q("Vu Hop tac quoc te duoc bao nhieu diem chuyen doi so nam 2023?", "61,4", 8, "Vụ Hợp tác quốc tế có điểm thấp nhất khối với 61,4 điểm", "score")
q("Văn phòng Bộ TN&MT xếp thứ mấy trong khối vụ?", "thứ ba", 8, "Văn phòng Bộ xếp thứ ba với 78,9 điểm", "rank")
q("Điểm trung bình các đơn vị thuộc Bộ TN&MT năm 2023 là bao nhiêu?", "76,8", 8, "Điểm bình quân của các đơn vị đạt 76,8 điểm", "score")
q("Điểm bình quân các đơn vị của Bộ tăng bao nhiêu so với năm 2022?", "6,3 điểm", 8, "Điểm bình quân của các đơn vị đạt 76,8 điểm, tăng so với mức 70,5 điểm của năm 2022", "derived")
q("How many MONRE administrative procedures are available as fully online public services?", "96", 8, "đã có 96 thủ tục được cung cấp dưới dạng dịch vụ công trực tuyến toàn trình", "count")
q("Bao nhiêu tỉnh, thành phố đã hoàn thành cơ sở dữ liệu đất đai theo ghi nhận của Bộ?", "15", 8, "Bộ ghi nhận 15 tỉnh, thành phố đã hoàn thành xây dựng cơ sở dữ liệu đất đai", "count")
q("Ba địa phương hoàn thành cơ sở dữ liệu đất đai sớm nhất là những tỉnh nào?", "Hưng Yên, Hà Nam và Vĩnh Long", 8, "Hưng Yên, Hà Nam và Vĩnh Long là ba địa phương hoàn thành sớm nhất", "list")
q("Bộ TN&MT công bố kết quả đánh giá nội bộ vào ngày nào?", "26/3/2024", 8, "Hà Nội, ngày 26/3/2024", "date")
q("Năm 2023, điểm bình quân các đơn vị thuộc Bộ TN&MT đã vượt 80 điểm, đúng không?", "76,8", 8, "Điểm bình quân của các đơn vị đạt 76,8 điểm", "claim", "sai")
q("Khối đơn vị sự nghiệp của Bộ TN&MT gồm mấy đơn vị?", "8", 8, "khối đơn vị sự nghiệp gồm 8 đơn vị", "count")

# ---- hc09: top 5 retrospective
q("Địa phương nào đứng đầu bảng xếp hạng chuyển đổi số năm 2020?", "Thừa Thiên Huế", 9, "Thừa Thiên Huế gây ấn tượng khi giành ngôi quán quân với 0,5612 điểm", "entity")
q("Điểm DTI 2020 của Hà Nội là bao nhiêu?", "0,5480", 9, "Hà Nội về nhì với 0,5480 điểm", "score")
q("Năm 2020, Bắc Giang ở vị trí thứ mấy?", "thứ tư", 9, "Bắc Giang, thứ tư với 0,5105 điểm", "rank")
q("Quảng Nam đạt bao nhiêu điểm khi đứng thứ năm năm 2020?", "0,4981", 9, "Quảng Nam, thứ năm với 0,4981 điểm", "score")
q("Hà Nội đạt bao nhiêu điểm khi dẫn đầu năm 2021?", "0,5873", 9, "Hà Nội vươn lên dẫn đầu với 0,5873 điểm", "score")
q("Bắc Ninh tăng bao nhiêu bậc từ 2020 đến 2021?", "5 bậc", 9, "nhảy từ hạng 8 lên hạng 3 với 0,5622 điểm", "derived")
q("Năm 2020 Bắc Ninh xếp hạng mấy về chuyển đổi số?", "8", 9, "nhảy từ hạng 8 lên hạng 3 với 0,5622 điểm", "rank")
q("Hải Phòng lần đầu vào top 5 năm 2021 ở vị trí nào?", "thứ năm", 9, "Hải Phòng lần đầu góp mặt ở vị trí thứ năm với 0,5401 điểm", "rank")
q("Which locality topped the provincial DTI ranking in 2022?", "Thành phố Hồ Chí Minh", 9, "Thành phố Hồ Chí Minh, địa phương giành vị trí số một với 0,6215 điểm", "entity")
q("Năm 2022 TP.HCM hơn Hà Nội bao nhiêu điểm?", "0,0025", 9, "chỉ hơn Hà Nội 0,0025 điểm", "comparison")
q("Bình Dương lần đầu lọt top 5 chuyển đổi số với số điểm bao nhiêu?", "0,5917", 9, "ở vị trí thứ tư với 0,5917 điểm", "score")
q("Năm 2022 Hải Phòng tụt xuống hạng mấy?", "7", 9, "Hải Phòng trượt xuống hạng 7", "rank")
q("Năm 2023 Bắc Ninh đạt bao nhiêu điểm DTI?", "0,6611", 9, "Bắc Ninh tiến lên vị trí á quân với 0,6611 điểm", "score")
q("Thua Thien Hue xep thu may DTI 2023?", "thứ năm", 9, "Thừa Thiên Huế khép lại nhóm dẫn đầu ở vị trí thứ năm với 0,6392 điểm", "rank")
q("Những địa phương nào có mặt trong top 5 ở cả bốn năm 2020–2023?", "Hà Nội, Thành phố Hồ Chí Minh và Thừa Thiên Huế", 9, "là Hà Nội, Thành phố Hồ Chí Minh và Thừa Thiên Huế", "list")
q("Địa phương nào giữ ngôi đầu nhiều lần nhất giai đoạn 2020–2023?", "Hà Nội", 9, "Hà Nội là địa phương giành ngôi đầu nhiều nhất, với hai lần vào các năm 2021 và 2023", "superlative")
q("Điểm của vị trí thứ năm tăng thêm bao nhiêu từ 2020 đến 2023?", "0,1411", 9, "Điểm của vị trí thứ năm đã tăng từ 0,4981 lên 0,6392", "derived")
q("Năm 2021, Thừa Thiên Huế hay TP.HCM có điểm cao hơn?", "Thừa Thiên Huế", 9, "đẩy Thừa Thiên Huế xuống vị trí thứ hai với 0,5790 điểm", "comparison")
q("In 2020, what score did Bac Giang record in the DTI?", "0,5105", 9, "Bắc Giang, thứ tư với 0,5105 điểm", "score")
q("Hải Phòng đạt 0,6435 điểm DTI 2023 và xếp thứ tư, đúng không?", "0,6435", 9, "Hải Phòng trở lại tốp năm ở vị trí thứ tư với 0,6435 điểm", "claim", "đúng")

# ---- hc10: new Tay Ninh
q("Tỉnh Tây Ninh mới chính thức hoạt động từ ngày nào?", "1/7/2025", 10, "Từ ngày 1/7/2025, tỉnh Tây Ninh mới chính thức đi vào hoạt động", "date")
q("Tây Ninh mới được hình thành từ những tỉnh nào?", "tỉnh Long An và tỉnh Tây Ninh", 10, "trên cơ sở hợp nhất tỉnh Long An và tỉnh Tây Ninh", "list")
q("Dân số tỉnh Tây Ninh sau hợp nhất khoảng bao nhiêu?", "3,25 triệu người", 10, "dân số khoảng 3,25 triệu người", "count")
q("Tỉnh Tây Ninh mới có bao nhiêu đơn vị hành chính cấp xã?", "96", 10, "gồm 96 đơn vị hành chính cấp xã", "count")
q("Trước hợp nhất, Tây Ninh đạt bao nhiêu điểm DTI 2024?", "0,5893", 10, "Tây Ninh đạt 0,5893 điểm, xếp thứ 27/63", "score")
q("Trong DTI 2024, Long An xếp trên Tây Ninh bao nhiêu bậc?", "15 bậc", 10, "Long An đạt 0,6421 điểm, xếp thứ 12/63, còn Tây Ninh đạt 0,5893 điểm, xếp thứ 27/63", "comparison")
q("Điểm DTI 2024 của Long An hơn Tây Ninh bao nhiêu?", "0,0528", 10, "Long An đạt 0,6421 điểm, xếp thứ 12/63, còn Tây Ninh đạt 0,5893 điểm", "derived")
q("Sau hợp nhất, tỉnh mới chuẩn hóa bao nhiêu thủ tục hành chính trên một cổng?", "2.085", 10, "toàn bộ 2.085 thủ tục hành chính của tỉnh mới đã được chuẩn hóa trên một cổng duy nhất", "count")
q("Tỉnh Tây Ninh mới đặt mục tiêu xếp hạng chuyển đổi số năm 2025 thế nào?", "top 10 trong số 34 tỉnh, thành phố", 10, "Tỉnh đặt mục tiêu năm 2025 vào top 10 trong số 34 tỉnh, thành phố", "rank")
q("Mục tiêu tỷ lệ hồ sơ trực tuyến toàn trình năm 2025 của Tây Ninh mới là bao nhiêu?", "80%", 10, "tỷ lệ hồ sơ trực tuyến toàn trình phải đạt 80%", "percent")
q("Tinh Tay Ninh moi muon kinh te so chiem bao nhieu phan tram GRDP vao nam 2030?", "25%", 10, "Đến năm 2030, tỉnh phấn đấu kinh tế số chiếm 25% GRDP", "percent")
q("How many specialist officials will the new Tây Ninh province send down to support communes?", "150", 10, "Tỉnh dự kiến điều động 150 cán bộ chuyên trách từ cấp tỉnh về hỗ trợ cấp xã", "count")
q("How much will the new Tây Ninh spend on digital transformation projects in 2025–2026?", "320 tỷ đồng", 10, "Tỉnh cũng dành 320 tỷ đồng cho các dự án chuyển đổi số trong giai đoạn 2025–2026", "amount")
q("Dien tich tinh Tay Ninh moi khoang bao nhieu?", "8.536 km²", 10, "Tỉnh mới có diện tích khoảng 8.536 km²", "amount")
q("Mục tiêu năm 2025 của Tây Ninh mới là bao nhiêu phần trăm người trưởng thành có tài khoản thanh toán điện tử?", "90%", 10, "90% người trưởng thành có tài khoản thanh toán điện tử", "percent")

# ---- additional entity / claim items
q("Địa phương nào giành vị trí thứ ba trên bảng DTI 2024?", "Thành phố Hồ Chí Minh", 1, "Thành phố Hồ Chí Minh đứng thứ ba với 0,6944 điểm", "entity")
q("Tỉnh nào tăng hạng mạnh nhất vùng đồng bằng sông Cửu Long trong DTI 2024?", "Long An", 1, "Long An đạt 0,6421 điểm, đứng thứ 12/63, tăng 11 bậc so với vị trí thứ 23 của năm 2023, là địa phương tăng hạng mạnh nhất vùng đồng bằng sông Cửu Long", "superlative")
q("Tỉnh miền Trung nào được nêu là có bước tiến ấn tượng trong DTI 2024?", "Quảng Trị", 1, "Quảng Trị là địa phương có bước tiến ấn tượng", "entity")
q("Ai đang là Giám đốc Sở Khoa học và Công nghệ Long An trong phóng sự?", "Trần Minh Khải", 1, "Ông Trần Minh Khải, Giám đốc Sở Khoa học và Công nghệ tỉnh Long An", "entity")
q("Which province placed 52nd in DTI 2023?", "Cà Mau", 5, "Cà Mau came 52nd with 0.4533", "entity")
q("Which province was the only Mekong Delta entry in the DTI 2023 top ten?", "Đồng Tháp", 5, "The authors single out Đồng Tháp, ranked 9th with 0.5986, as the only Mekong Delta province in the national top ten", "entity")
q("Tỉnh nào đứng thứ 9 cả nước về chuyển đổi số năm 2023?", "Đồng Tháp", 7, "Đồng Tháp là tỉnh duy nhất của vùng có mặt trong top 10 với 0,5986 điểm, xếp thứ 9/63", "entity")
q("Địa phương nào vươn lên hạng 3 trong DTI 2021?", "Bắc Ninh", 9, "Bắc Ninh là gương mặt mới đáng chú ý nhất khi nhảy từ hạng 8 lên hạng 3", "entity")
q("Tỉnh nào lần đầu góp mặt trong top 5 chuyển đổi số năm 2022?", "Bình Dương", 9, "Bình Dương lần đầu tiên lọt vào tốp năm", "entity")
q("Tinh nao xep thu hai ve chuyen doi so nam 2020?", "Hà Nội", 9, "Hà Nội về nhì với 0,5480 điểm", "entity")
q("Đơn vị nào xếp thứ hai trong khối vụ và văn phòng của Bộ TN&MT?", "Vụ Kế hoạch – Tài chính", 8, "Vụ Kế hoạch – Tài chính xếp thứ hai với 80,2 điểm", "entity")
q("Đơn vị nào có điểm thấp nhất khối vụ và văn phòng của Bộ TN&MT năm 2023?", "Vụ Hợp tác quốc tế", 8, "Vụ Hợp tác quốc tế có điểm thấp nhất khối với 61,4 điểm", "superlative")
q("Chợ trung tâm của huyện nào ở Lai Châu có 64,3% tiểu thương dùng mã QR?", "Tam Đường", 6, "Ở chợ trung tâm huyện Tam Đường, 64,3% tiểu thương", "entity")
q("Quảng Trị xếp hạng 19 trong DTI 2024, đúng không?", "hạng 19", 1, "từ hạng 33 vươn lên hạng 19 với 0,6105 điểm", "claim", "đúng")
q("Phu Yen xep thu 38/63 ve DTI nam 2022, dung hay sai?", "38/63", 3, "cho tổng điểm 0,4797 và đứng thứ 38/63", "claim", "đúng")
q("Lai Châu đã có hơn 2.000 tổ công nghệ số cộng đồng, đúng không?", "1.036", 6, "toàn tỉnh đã thành lập 1.036 tổ công nghệ số cộng đồng", "claim", "sai")
q("Thừa Thiên Huế giữ ngôi đầu bảng chuyển đổi số năm 2021, đúng hay sai?", "thứ hai", 9, "đẩy Thừa Thiên Huế xuống vị trí thứ hai với 0,5790 điểm", "claim", "sai")
q("Hà Tĩnh đã chi 112 tỷ đồng cho chuyển đổi số trong năm 2023, đúng không?", "86,5 tỷ đồng", 2, "tổng chi cho chuyển đổi số năm 2023 đạt 86,5 tỷ đồng", "claim", "sai")
q("Is it true that Sơn La made the top 40 in DTI 2023?", "41st", 5, "Sơn La placed 41st with 0.4870", "claim", "sai")
q("Long An đạt 0,6421 điểm trong DTI 2024, đúng không?", "0,6421", 10, "Long An đạt 0,6421 điểm, xếp thứ 12/63", "claim", "đúng")
q("What share of Hà Tĩnh's 2023 digital transformation budget plan was actually spent?", "72%", 2, "bằng 72% kế hoạch được giao", "percent")
q("What was Nghệ An's rank on the digital society pillar in DTI 2023?", "thứ 21", 4, "thứ 21 về xã hội số", "rank")
q("By how many places did Lai Châu climb in the 2023 digital transformation ranking?", "9 bậc", 6, "tăng 9 bậc so với năm trước", "rank_change")
q("What was Đồng Tháp's PCI 2023 rank?", "thứ 4", 7, "Đồng Tháp đạt 70,22 điểm, đứng thứ 4 toàn quốc", "rank")
u("Điểm DTI 2021 của Hà Tĩnh là bao nhiêu?")                     # only rank given
u("Nghệ An đạt bao nhiêu điểm DTI năm 2022?")                    # only rank given
u("Bình Định đứng thứ mấy về trụ cột chính quyền số năm 2022?")  # only score given
u("Which ministry-level agency ranked first in the ministerial DTI 2023?")  # not given
u("Tỷ lệ doanh nghiệp nhỏ và vừa dùng nền tảng số ở Tây Ninh là bao nhiêu?")  # only Long An

q("By how much did Hà Nội's DTI 2023 score exceed Bắc Ninh's?", "0.0131", 5, "Hà Nội topped the provincial ranking with a score of 0.6742, followed by Bắc Ninh in second place with 0.6611", "comparison")
q("Quan tri dien tu trong PAPI 2023: Dong Thap hon Ben Tre bao nhieu diem?", "0,63", 7, "Đồng Tháp chỉ đạt 3,61 điểm và Bến Tre 2,98 điểm trên thang 10", "comparison")
q("Xét tổng điểm PAPI 2023, Đồng Tháp hay Bến Tre cao hơn?", "Đồng Tháp", 7, "Đồng Tháp đạt 44,10 điểm và thuộc nhóm các tỉnh đạt điểm cao nhất, trong khi Bến Tre đạt 42,67 điểm", "comparison")
q("Cuc Do dac, Ban do va Thong tin dia ly Viet Nam va Cuc Bien doi khi hau, don vi nao diem cao hon?", "Cục Đo đạc, Bản đồ và Thông tin địa lý Việt Nam", 8, "Cục Đo đạc, Bản đồ và Thông tin địa lý Việt Nam xếp thứ hai với 86,3 điểm, tiếp theo là Cục Biến đổi khí hậu với 82,0 điểm", "comparison")
q("Long An dat bao nhieu diem DTI 2024?", "0,6421", 1, "Long An đạt 0,6421 điểm, đứng thứ 12/63", "score")
q("Nghe An co bao nhieu tai khoan dinh danh dien tu muc 2 da kich hoat?", "1,2 triệu", 4, "Toàn tỉnh có 1,2 triệu tài khoản định danh điện tử mức 2 đã kích hoạt", "count")
q("Binh Duong dat bao nhieu diem DTI nam 2022?", "0,5917", 9, "ở vị trí thứ tư với 0,5917 điểm", "score")
u("Kon Tum xep thu may ve chi so chuyen doi so nam 2025?")       # wrong year
u("Diem DTI 2023 cua tinh Tay Ninh cu la bao nhieu?")            # not given

# ---- unanswerable traps
u("Hà Tĩnh xếp thứ mấy trong DTI 2023?")                       # target asked as achieved
u("Năm 2024, tỷ lệ hồ sơ trực tuyến toàn trình của Hà Tĩnh thực tế đạt bao nhiêu?")  # target only
u("Nghệ An đứng thứ mấy trên bảng chuyển đổi số năm 2024?")    # target only
u("Tây Ninh mới xếp thứ mấy trong số 34 tỉnh về chuyển đổi số năm 2025?")  # target asked as achieved
u("Tây Ninh (cũ) xếp hạng bao nhiêu trong DTI 2023?")           # wrong year
u("Điểm DTI năm 2023 của Lai Châu là bao nhiêu?")               # level not given
u("Lai Châu xếp thứ mấy về trụ cột kinh tế số năm 2023?")       # not given
u("Long An xếp thứ mấy về xã hội số trong DTI 2024?")           # not given
u("Kiên Giang đạt bao nhiêu điểm DTI 2023?")                    # absent province
u("Gia Lai xếp thứ mấy về chuyển đổi số năm 2024?")            # absent province
u("Hậu Giang tăng bao nhiêu bậc DTI năm 2022?")                 # absent province
u("Bến Tre xếp thứ mấy về PAPI 2023?")                          # only a group given
u("Điểm PCI 2022 của Đồng Tháp là bao nhiêu?")                  # wrong year
u("Đồng Tháp đạt bao nhiêu điểm PCI năm 2024?")                 # wrong year
u("Bến Tre xếp hạng mấy ở trụ cột chính quyền số năm 2023?")    # not given
u("Tỉnh nào xếp thứ hai với 86,3 điểm trong đánh giá chuyển đổi số năm 2023?")  # agency score asked as province
u("Vụ Pháp chế đứng thứ mấy trong bảng DTI cấp tỉnh?")          # agency asked as province
u("Hưng Yên xếp thứ mấy về chỉ số chuyển đổi số năm 2023?")    # province mentioned but no DTI
u("Bộ Tài nguyên và Môi trường xếp thứ mấy trong DTI cấp bộ năm 2023?")  # not given
u("Bình Định xếp thứ mấy trong DTI 2023?")                      # wrong year
u("Bình Dương xếp hạng bao nhiêu trong DTI 2023?")              # not given
u("Địa phương nào dẫn đầu chỉ số chuyển đổi số năm 2019?")      # wrong year
u("Hải Phòng xếp thứ mấy về chuyển đổi số năm 2020?")           # not given
u("Which province ranked last in DTI 2023?")                     # not named
u("What was Kon Tum's DTI 2024 rank?")                           # wrong year
u("What was Sơn La's score on the digital economy sub-index in 2023?")  # not given
u("Tinh nao xep cuoi bang DTI 2024?")                            # not named
u("Phu Yen dat bao nhieu diem DTI 2023?")                        # wrong year
u("Nghệ An đứng thứ mấy trong PCI 2023?")                       # PCI for absent context
u("Điểm DTI 2024 của Hà Nội về trụ cột kinh tế số là bao nhiêu?")  # not given
u("Bộ Khoa học và Công nghệ xếp thứ mấy trong khối bộ, ngành năm 2024?")  # not given
u("Thừa Thiên Huế được bao nhiêu điểm DTI 2024?")               # not given

u("What was Đồng Tháp's DTI 2024 score?")                        # wrong year
u("Lao Cai xep thu may ve chuyen doi so nam 2022?")              # wrong year
u("Bắc Ninh đạt bao nhiêu điểm PCI 2023?")                       # PCI absent
u("Năm 2022, Cục Chuyển đổi số và Thông tin dữ liệu tài nguyên môi trường đạt bao nhiêu điểm?")  # wrong year
u("Tỷ trọng kinh tế số trong GRDP của Tây Ninh mới năm 2025 thực tế đạt bao nhiêu?")  # target as achieved
u("Quảng Trị xếp thứ mấy trong DTI 2022?")                       # not given
u("How many community digital technology teams does Long An have?")  # not given
u("Sơn La có bao nhiêu xã đạt tiêu chí xã chuyển đổi số?")      # not given

out = []
for i, (question, answer, doc, ev, kind, verdict) in enumerate(Q, 1):
    rec = {"id": f"hc{i:03d}", "question": question, "answer": answer,
           "doc_ids": [D[doc]] if doc else [], "evidence": ev,
           "answerable": doc is not None, "kind": kind}
    if verdict:
        rec["verdict"] = verdict
    out.append(rec)
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "questions.jsonl"), "w", encoding="utf-8") as f:
    for r in out:
        f.write(json.dumps(r, ensure_ascii=False) + "\n")
print(len(out))
