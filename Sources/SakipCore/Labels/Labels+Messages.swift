extension Labels {
    /// The Indonesian text of every message sakip raises (diagnostics, refusals, summaries),
    /// keyed by its English pattern; `{}` takes the values in order, `{1}`, `{2}`... by position.
    /// Codes, ids, file names, numbers, flags and the words `error`, `warning`, `note` stay as
    /// they are. Debug builds run by the tests stop at any message missing here
    /// (`Message.checkTranslated`).
    static let messages: [String: String] = [
        // The service (`sakip-serve`)
        "a budget's 'ceiling' and 'realized' are amounts, 0 or more": "'ceiling' dan 'realized' anggaran adalah jumlah, 0 atau lebih",
        "a second budget row for {} {}; give one": "baris anggaran kedua untuk {} {}; berikan satu saja",
        "the report names the rubric {}; the period {} is scored with {}": "laporan menyebut rubrik {}; periode {} dinilai dengan {}",
        "report year {} is not the period's {}": "tahun laporan {} bukan tahun periode {}",
        // Reading files and folders
        "no such file or folder": "tidak ada berkas atau folder tersebut",
        "no such file or folder: {}": "tidak ada berkas atau folder: {}",
        "is a directory": "adalah sebuah folder",
        "cannot read {}: {}": "tidak dapat membaca {}: {}",
        "cannot read .{}: {}": "tidak dapat membaca .{}: {}",
        "cannot write {}: {}": "tidak dapat menulis {}: {}",
        "larger than {}, the most sakip reads from one input; split it into several files":
            "lebih besar dari {}, batas yang dibaca sakip dari satu masukan; bagi menjadi beberapa berkas",
        "{} input files, more than the {} sakip reads in one run; give fewer folders":
            "{} berkas masukan, lebih dari {} yang dibaca sakip dalam satu kali jalan; berikan lebih sedikit folder",
        "no input files; give report files or folders": "tidak ada berkas masukan; berikan berkas laporan atau folder",
        "no report files (.xml, .csv, .xlsx) found in {}": "tidak ada berkas laporan (.xml, .csv, .xlsx) di {}",
        "; skipped {} {} in a format sakip does not read ({}{}): save as Excel Workbook (.xlsx)":
            "; {} {} dilewati karena formatnya tidak dibaca sakip ({}{}): simpan sebagai Excel Workbook (.xlsx)",
        "workbook": "buku kerja", "workbooks": "buku kerja",
        "skipped: {}": "dilewati: {}",
        "a workbook format sakip does not read; save it as Excel Workbook (.xlsx)":
            "format buku kerja yang tidak dibaca sakip; simpan sebagai Excel Workbook (.xlsx)",
        "the refused file": "berkas yang ditolak",
        "its layout file: {}": "berkas tata letaknya: {}",

        // XML
        "malformed XML: {}": "XML tidak sah: {}",
        "schema: {}": "skema: {}",
        "invalid XML Schema: {}": "XML Schema tidak sah: {}",
        "unknown error": "galat tidak dikenal",
        "cannot create a schema validator": "tidak dapat membuat validator skema",
        "expected a <report> or <reports> element": "diharapkan elemen <report> atau <reports>",
        "elements nested more than {} deep; a report is three deep (<report>, <answers>, <answer>)":
            "elemen bersarang lebih dari {} tingkat; sebuah laporan hanya tiga tingkat (<report>, <answers>, <answer>)",
        "unexpected element <{}> inside {}; expected {}": "elemen <{}> tidak diharapkan di dalam {}; yang diharapkan: {}",
        "the document": "dokumen", "no child elements": "tanpa elemen anak",
        "unknown attribute '{}' on <{}> is ignored": "atribut '{}' pada <{}> tidak dikenal dan diabaikan",
        "<{}> needs a non-empty '{}' attribute": "<{}> memerlukan atribut '{}' yang tidak kosong",
        "<{}> needs a '{}' attribute": "<{}> memerlukan atribut '{}'",
        "<item> needs a 'met' attribute": "<item> memerlukan atribut 'met'",
        "<indicator> needs either 'target' or both 'target-low' and 'target-high'":
            "<indicator> memerlukan 'target' atau sekaligus 'target-low' dan 'target-high'",
        "'year' is '{}'; expected a four-digit year such as 2024": "'year' berisi '{}'; diharapkan tahun empat angka seperti 2024",
        "'{}' is '{}'; {}": "'{}' berisi '{}'; {}",
        "'stage' is '{}'; {}": "'stage' berisi '{}'; {}",
        "'polarity' is '{}'; expected positive or negative": "'polarity' berisi '{}'; diharapkan positive atau negative",
        "expected a number such as 82.5 (with '.' for decimals)": "diharapkan angka seperti 82.5 (dengan '.' untuk desimal)",
        "expected a number such as 82,5 or 1.234,5 (',' for decimals in a ';' file)":
            "diharapkan angka seperti 82,5 atau 1.234,5 (',' untuk desimal dalam berkas ber-';')",
        "expected yes or no (ya/tidak, true/false, 1/0)": "diharapkan ya atau tidak (ya/tidak, yes/no, true/false, 1/0)",
        "expected self, verified, quality or final (mandiri, verifikasi, penjaminan, final)":
            "diharapkan mandiri, verifikasi, penjaminan atau final (self, verified, quality, final)",

        // CSV
        "empty CSV file; expected a header row such as agency,year,criterion,value":
            "berkas CSV kosong; diharapkan baris judul seperti agency,year,criterion,value",
        "unrecognised CSV header '{}'; expected one of: {}": "judul CSV '{}' tidak dikenali; diharapkan salah satu dari: {}",
        "duplicate column '{}'": "kolom '{}' ganda",
        "row has {} fields; the header has {} ({})": "baris berisi {} kolom; judulnya berisi {} ({})",
        "row of {} bytes, longer than the {} a row may hold": "baris sebesar {} bita, lebih panjang dari {} yang boleh dimuat satu baris",
        "field of {} bytes, longer than the {} a field may hold": "isian sebesar {} bita, lebih panjang dari {} yang boleh dimuat satu isian",
        "empty 'agency'; expected an agency id such as kota-bandung": "'agency' kosong; diharapkan id instansi seperti kota-bandung",
        "empty 'criterion'": "'criterion' kosong",
        "empty 'value'": "'value' kosong",
        "empty '{}'": "'{}' kosong",
        "empty 'met'; {}": "'met' kosong; {}",
        "unterminated quoted field; expected a closing \" before the end of the file":
            "isian berkutip tidak ditutup; diharapkan \" penutup sebelum akhir berkas",
        "unexpected character after a closing quote; expected {} or the end of the line":
            "karakter tak terduga setelah kutip penutup; diharapkan {} atau akhir baris",
        "a comma": "koma", "a semicolon": "titik koma",
        "a quote inside an unquoted field; quote the whole field and double the quote (\"\")":
            "tanda kutip di dalam isian tanpa kutip; kutip seluruh isian dan gandakan tanda kutipnya (\"\")",
        "CSV files of 2 GiB or more are not read; split it": "berkas CSV 2 GiB atau lebih tidak dibaca; bagi berkasnya",

        // Workbooks
        "not a sakip LKE workbook (no sheet 'LKE' with the template's headers); write one with `sakip template`, or describe this workbook's layout in a file given with {}":
            "bukan buku kerja LKE sakip (tidak ada lembar 'LKE' dengan judul templat); buat dengan `sakip template`, atau jelaskan tata letak buku kerja ini dalam berkas yang diberikan dengan {}",
        "the LKE workbook has no Identity (Identitas) sheet naming the agency and year":
            "buku kerja LKE tidak memiliki lembar Identitas yang menyebut instansi dan tahun",
        "the layout names sheet '{}', which this workbook lacks; its sheets: {}":
            "tata letak menyebut lembar '{}', yang tidak ada di buku kerja ini; lembarnya: {}",
        "the layout reads {} from sheet '{}', which this workbook lacks; its sheets: {}":
            "tata letak membaca {} dari lembar '{}', yang tidak ada di buku kerja ini; lembarnya: {}",
        "expected the agency id (such as kota-bandung)": "diharapkan id instansi (seperti kota-bandung)",
        "expected the year of the evaluation, such as 2024": "diharapkan tahun evaluasi, seperti 2024",
        "expected the year of the evaluation, such as 2024, not '{}'": "diharapkan tahun evaluasi, seperti 2024, bukan '{}'",
        "1 answer cell holds a placeholder (such as Y/T or A/B/C/D, 'Belum Diisi'), counted unanswered":
            "1 sel jawaban berisi isian sementara (seperti Y/T atau A/B/C/D, 'Belum Diisi'), dihitung belum dijawab",
        "{} answer cells hold placeholders (such as Y/T or A/B/C/D, 'Belum Diisi'), counted unanswered":
            "{} sel jawaban berisi isian sementara (seperti Y/T atau A/B/C/D, 'Belum Diisi'), dihitung belum dijawab",
        "the answer to {} is a formula with no computed value (a program wrote the workbook and no spreadsheet has recalculated it); open it in Excel or LibreOffice, let it recalculate, and save it":
            "jawaban {} berupa rumus tanpa nilai terhitung (buku kerja ditulis program dan belum dihitung ulang oleh aplikasi lembar kerja); buka di Excel atau LibreOffice, biarkan dihitung ulang, lalu simpan",
        "weight '{}' of {} is not a number; it is not checked against the rubric":
            "bobot '{}' untuk {} bukan angka; tidak dicocokkan dengan rubrik",
        "'{}' for {} is not a flag; expected Y or T (ya/tidak)": "'{}' untuk {} bukan tanda; diharapkan Y atau T (ya/tidak)",
        "the workbook gives {} a weight of {}; rubric {} gives it {}, which is used (a workbook for another rubric, or a local variant?)":
            "buku kerja memberi {} bobot {}; rubrik {} memberinya {}, yang dipakai (buku kerja untuk rubrik lain, atau varian daerah?)",
        "not an .xlsx workbook (not a zip archive); save it from the spreadsheet as Excel Workbook (.xlsx)":
            "bukan buku kerja .xlsx (bukan arsip zip); simpan dari aplikasi lembar kerja sebagai Excel Workbook (.xlsx)",
        "an Excel 97-2003 workbook (.xls), not an .xlsx; open it in the spreadsheet and save it as Excel Workbook (.xlsx)":
            "buku kerja Excel 97-2003 (.xls), bukan .xlsx; buka di aplikasi lembar kerja dan simpan sebagai Excel Workbook (.xlsx)",
        "the workbook is protected with a password (encrypted), so its cells cannot be read; remove the password (in Excel: File > Info > Protect Workbook > Encrypt with Password, then clear it) and save it again":
            "buku kerja dilindungi kata sandi (terenkripsi), sehingga selnya tidak dapat dibaca; hapus kata sandinya (di Excel: File > Info > Protect Workbook > Encrypt with Password, lalu kosongkan) dan simpan kembali",
        "not an Excel workbook: it has no xl/workbook.xml (an .ods or a Word file saved as .xlsx?)":
            "bukan buku kerja Excel: tidak ada xl/workbook.xml (berkas .ods atau Word yang disimpan sebagai .xlsx?)",
        "not a readable .xlsx workbook: {}": "buku kerja .xlsx tidak dapat dibaca: {}",
        "the workbook lists sheet '{}' but holds no part for it": "buku kerja mencantumkan lembar '{}' tetapi tidak memuat bagiannya",
        "cannot expand {} from the workbook: {}": "tidak dapat mengekstrak {} dari buku kerja: {}",
        "refused: the workbook's part {} {}": "ditolak: bagian buku kerja {} {}",
        "would expand to {}, more than the {} sakip reads from one workbook":
            "akan terekstrak menjadi {}, lebih dari {} yang dibaca sakip dari satu buku kerja",
        "expands {} times (more than {}), as a zip bomb does": "terekstrak {} kali lipat (lebih dari {}), seperti bom zip",
        "expands to more than {} with the parts before it": "terekstrak menjadi lebih dari {} bersama bagian sebelumnya",
        "it expands past sakip's limit": "terekstrak melampaui batas sakip",
        "it has no zip directory": "tidak memiliki direktori zip",
        "it is a ZIP64 archive, which no workbook under sakip's limits needs":
            "arsip ZIP64, yang tidak diperlukan buku kerja mana pun dalam batas sakip",
        "its directory lies outside the file": "direktorinya berada di luar berkas",
        "its directory is cut short": "direktorinya terpotong",
        "{} is encrypted": "{} terenkripsi",
        "the entry {} points outside the file": "entri {} menunjuk ke luar berkas",
        "the entry {} runs past the end of the file": "entri {} melewati akhir berkas",
        "an entry expands past the {} bytes its directory gives": "sebuah entri terekstrak melewati {} bita yang disebut direktorinya",
        "an entry's compressed data ends early": "data terkompresi sebuah entri berakhir terlalu awal",
        "an entry's compressed data is damaged": "data terkompresi sebuah entri rusak",
        "an entry is compressed with a method sakip does not read ({})": "sebuah entri dikompresi dengan metode yang tidak dibaca sakip ({})",
        "an entry's checksum does not match its data": "checksum sebuah entri tidak cocok dengan datanya",
        "sheet '{}': {}": "lembar '{}': {}",
        "row number '{}' is not a row of a sheet; expected 1 to 1048576 (Excel's last row)":
            "nomor baris '{}' bukan baris lembar kerja; diharapkan 1 sampai 1048576 (baris terakhir Excel)",
        "a row after the sheet's last (1048576) has no number; expected r=\"1\" to r=\"1048576\"":
            "baris setelah baris terakhir lembar (1048576) tidak bernomor; diharapkan r=\"1\" sampai r=\"1048576\"",
        "cell reference '{}' names no cell of a sheet; expected A1 to XFD1048576":
            "rujukan sel '{}' tidak menunjuk sel lembar kerja; diharapkan A1 sampai XFD1048576",
        "a cell after column XFD has no reference; expected r=\"A1\" to r=\"XFD1048576\"":
            "sel setelah kolom XFD tidak memiliki rujukan; diharapkan r=\"A1\" sampai r=\"XFD1048576\"",
        "the cell refers to shared string {}, which the workbook does not hold": "sel merujuk teks bersama {}, yang tidak dimuat buku kerja",
        "refused: the cell's text is longer than {} characters, the most a spreadsheet cell holds":
            "ditolak: teks sel lebih dari {} karakter, batas yang dimuat satu sel lembar kerja",
        "refused: text of more than {} characters in one place, the most a spreadsheet cell holds":
            "ditolak: teks lebih dari {} karakter di satu tempat, batas yang dimuat satu sel lembar kerja",
        "refused: the workbook's cells take more than the {} sakip keeps from one workbook by this one (an LKE takes well under 1 MiB)":
            "ditolak: sel buku kerja memerlukan lebih dari {} yang disimpan sakip dari satu buku kerja sampai di sini (sebuah LKE jauh di bawah 1 MiB)",

        // Workbook layouts
        "{}: '{}' {}": "{}: '{}' {}",
        "{}: not valid YAML: {}": "{}: YAML tidak sah: {}",
        "is not a layout key; expected one of {}": "bukan kunci tata letak; diharapkan salah satu dari {}",
        "is missing; expected the name of the sheet holding the LKE": "tidak ada; diharapkan nama lembar yang memuat LKE",
        "is missing; expected a column letter such as A": "tidak ada; diharapkan huruf kolom seperti A",
        "expected a column letter such as A or M, not '{}'": "diharapkan huruf kolom seperti A atau M, bukan '{}'",
        "expected a row number such as 6, not '{}'": "diharapkan nomor baris seperti 6, bukan '{}'",
        "expected a cell such as =Identitas!C3, not '{}'": "diharapkan sel seperti =Identitas!C3, bukan '{}'",
        "expected points or fractions, not '{}'": "diharapkan points atau fractions, bukan '{}'",
        "has stage '{}'; {}": "berisi tahap '{}'; {}",
        "expected the answer column of each stage, such as {self: G, final: J}":
            "diharapkan kolom jawaban tiap tahap, seperti {self: G, final: J}",
        "needs answers (one column per stage) or flags (for a checklist rubric)":
            "memerlukan answers (satu kolom per tahap) atau flags (untuk rubrik daftar periksa)",
        "expected the flag columns, such as {met: D, mandated: E, kept_1_year: F, kept_5_years: G}":
            "diharapkan kolom-kolom tanda, seperti {met: D, mandated: E, kept_1_year: F, kept_5_years: G}",
        "has '{}'; expected {}": "berisi '{}'; diharapkan {}",
        "needs the met column, such as met: D": "memerlukan kolom met, seperti met: D",
        "expected a mapping of keys such as sheet, header_row, code and answers":
            "diharapkan pemetaan kunci seperti sheet, header_row, code dan answers",

        // Rubrics
        "unknown rubric '{}'{}": "rubrik '{}' tidak dikenal{}",
        " (did you mean '{}'?)": " (maksudnya '{}'?)",
        "; the rubrics are: {} (or give a path to a YAML file)": "; rubrik yang ada: {} (atau berikan jalur ke berkas YAML)",
        "; {}": "; {}",
        "unknown rubric '{}'; known rubrics: {}": "rubrik '{}' tidak dikenal; rubrik yang dikenal: {}",
        "unknown rubric '{}': {}": "rubrik '{}' tidak dikenal: {}",
        "cannot use rubric '{}': {}": "rubrik '{}' tidak dapat dipakai: {}",
        "cannot use rubric '{}':\n{}": "rubrik '{}' tidak dapat dipakai:\n{}",
        "the bundled resources ({}) are not beside the sakip binary; copy that folder with it, or name rubrics by path or through SAKIP_RUBRIC_PATH":
            "sumber daya bawaan ({}) tidak berada di samping program sakip; salin folder itu bersamanya, atau sebut rubrik dengan jalurnya atau melalui SAKIP_RUBRIC_PATH",
        "invalid YAML: {}": "YAML tidak sah: {}",
        "missing required key '{}'": "kunci wajib '{}' tidak ada",
        "unknown key '{}'; expected one of {}": "kunci '{}' tidak dikenal; diharapkan salah satu dari {}",
        "expected a mapping": "diharapkan pemetaan",
        "expected a mapping of scale id to {full, values}": "diharapkan pemetaan id skala ke {full, values}",
        "expected a list": "diharapkan daftar",
        "expected text": "diharapkan teks",
        "expected a number": "diharapkan angka",
        "expected a number, not '{}'": "diharapkan angka, bukan '{}'",
        "must be above 0": "harus lebih dari 0",
        "must be 0 or more": "harus 0 atau lebih",
        "{}: {}": "{}: {}",
        "a rubric needs at least one component": "rubrik memerlukan setidaknya satu komponen",
        "expected at least one sub-component": "diharapkan setidaknya satu sub-komponen",
        "empty sub-component: expected at least one criterion": "sub-komponen kosong: diharapkan setidaknya satu kriteria",
        "duplicate id '{}', already used at {} ({})": "id '{}' ganda, sudah dipakai di {} ({})",
        "unknown scale '{}'; expected one of {}": "skala '{}' tidak dikenal; diharapkan salah satu dari {}",
        "unknown aggregation '{}'; expected mean, grade or checklist": "agregasi '{}' tidak dikenal; diharapkan mean, grade atau checklist",
        "weights of {} add up to {}, but {} weighs {}": "bobot {} berjumlah {}, padahal {} berbobot {}",
        "its sub-components": "sub-komponennya", "its criteria": "kriterianya", "its components": "komponennya", "its groups": "kelompoknya",
        "the top band ends at {}, but the component weights add up to {}": "predikat teratas berakhir di {}, padahal bobot komponen berjumlah {}",
        "the lowest band {} starts above {}; scores down to 0 would have no grade":
            "predikat terendah {} dimulai di atas {}; nilai hingga 0 tidak akan berpredikat",
        "bands {} (up to {}) and {} (above {}) {}": "predikat {} (sampai {}) dan {} (di atas {}) {}",
        "leave a gap": "menyisakan celah", "overlap": "bertumpang tindih",
        "unknown criterion '{}'": "kriteria '{}' tidak dikenal",
        "unknown sub-component '{}'": "sub-komponen '{}' tidak dikenal",
        "expected criterion or subcomponent": "diharapkan criterion atau subcomponent",
        "expected one of criterion, criteria_of or subcomponent": "diharapkan salah satu dari criterion, criteria_of atau subcomponent",
        "sub-component {} is scored by checklist, but the rubric has no checklist rule":
            "sub-komponen {} dinilai dengan daftar periksa, tetapi rubrik tidak memiliki aturan daftar periksa",
        "'{}' is not a stage; {}": "'{}' bukan tahap; {}",
        "aliases expand this YAML to more than {} nodes, the most sakip reads; ":
            "alias mengembangkan YAML ini menjadi lebih dari {} simpul, batas yang dibaca sakip; ",
        "a rubric or layout has a few thousand at most (write the repeated part out, or alias a smaller one)":
            "rubrik atau tata letak paling banyak berisi beberapa ribu (tulis bagian yang berulang, atau pakai alias yang lebih kecil)",
        "rubric {}, {} criteria": "rubrik {}, {} kriteria",
        "workbook layout, sheet {}": "tata letak buku kerja, lembar {}",
        "1 {} report": "1 laporan {}",
        "{} {} reports": "{} laporan {}",
        ", 1 unanswered item counted 0": ", 1 butir belum dijawab dihitung 0",
        ", {} unanswered items counted 0": ", {} butir belum dijawab dihitung 0",

        // Scoring
        "answer '{}' for criterion {} is not in scale {}; expected one of {}":
            "jawaban '{}' untuk kriteria {} tidak ada dalam skala {}; diharapkan salah satu dari {}",
        "grade '{}' for sub-component {} is not in scale {}; expected one of {}":
            "predikat '{}' untuk sub-komponen {} tidak ada dalam skala {}; diharapkan salah satu dari {}",
        "unknown criterion '{}' for rubric {}": "kriteria '{}' tidak dikenal dalam rubrik {}",
        "{} unknown criteria ignored: {}": "{} kriteria tidak dikenal diabaikan: {}",
        "1 unknown criterion ignored: {}": "1 kriteria tidak dikenal diabaikan: {}",
        "duplicate answer for '{}'; the first is used": "jawaban ganda untuk '{}'; yang pertama dipakai",
        "the first answer for '{}', which is used": "jawaban pertama untuk '{}', yang dipakai",
        "duplicate checklist item for '{}'; the first is used": "butir daftar periksa ganda untuk '{}'; yang pertama dipakai",
        "criterion '{}' belongs to sub-component {}, which is scored by {}; its answer is not used for the score":
            "kriteria '{}' termasuk sub-komponen {}, yang dinilai dengan {}; jawabannya tidak dipakai untuk nilai",
        "criterion '{}' belongs to sub-component {}, which is scored by {}; its checklist item is ignored":
            "kriteria '{}' termasuk sub-komponen {}, yang dinilai dengan {}; butir daftar periksanya diabaikan",
        "sub-component {} is scored by {}, not by one grade; this grade is ignored":
            "sub-komponen {} dinilai dengan {}, bukan dengan satu predikat; predikat ini diabaikan",
        "{} of the rubric's items unanswered, each counted 0: {}": "{} butir rubrik belum dijawab, masing-masing dihitung 0: {}",
        "{}, and {} more": "{}, dan {} lainnya",
        "kerangka logis: {} ({}) scores above {} ({}): {}": "kerangka logis: {} ({}) bernilai di atas {} ({}): {}",
        "{}": "{}",
        "sub-component {}": "sub-komponen {}",
        "criterion {}": "kriteria {}",
        "achievement of indicator {} not computable: {}": "capaian indikator {} tidak dapat dihitung: {}",
        "target is 0; no official rule gives an achievement": "target 0; tidak ada aturan resmi yang memberi capaian",
        "realisation is 0, so T / R is undefined": "realisasi 0, sehingga T / R tidak terdefinisi",
        "the report of {} ({}) is written for rubric {}, and only {} of its {} answers name a criterion of rubric {}, which it was asked to be scored by; ":
            "laporan {} ({}) ditulis untuk rubrik {}, dan hanya {} dari {} jawabannya menyebut kriteria rubrik {}, yang diminta untuk menilainya; ",
        "it is not scored (its score would be zeros): score it by its own rubric, or see how it would fare under the other with `compare`":
            "laporan tidak dinilai (nilainya akan nol): nilai dengan rubriknya sendiri, atau lihat hasilnya di bawah rubrik lain dengan `compare`",

        // Batches
        "second report for agency '{}', year {}; neither is scored": "laporan kedua untuk instansi '{}', tahun {}; keduanya tidak dinilai",
        "the first report for agency '{}', year {}": "laporan pertama untuk instansi '{}', tahun {}",
        "the report of {} for {} is left out: {}, one of the files it is made from, was refused, and no score is given from part of a report":
            "laporan {} untuk {} tidak diikutkan: {}, salah satu berkas penyusunnya, ditolak, dan tidak ada nilai yang diberikan dari sebagian laporan",
        "agency '{}', {}: {} of the rubric's items unanswered, each counted 0: {}":
            "instansi '{}', {}: {} butir rubrik belum dijawab, masing-masing dihitung 0: {}",
        "agency '{}', {}, under {}: {} of the rubric's items unanswered, each counted 0: {}":
            "instansi '{}', {}, dengan {}: {} butir rubrik belum dijawab, masing-masing dihitung 0: {}",
        "agency '{}', {}: scored at stage {}, ": "instansi '{}', {}: dinilai pada tahap {}, ",
        "the latest it has answers for; no later stage was answered (an evaluator's column left empty?), so its score and grade are not final":
            "tahap terakhir yang berisi jawaban; tahap berikutnya tidak diisi (kolom evaluator dibiarkan kosong?), sehingga nilai dan predikatnya belum final",
        "agency '{}', {}: left out, its latest answers are at stage {} and ": "instansi '{}', {}: tidak diikutkan, jawaban terakhirnya pada tahap {} dan ",
        "rubric {} requires stage {} for a ranking": "rubrik {} mensyaratkan tahap {} untuk pemeringkatan",
        "stage {} is required": "tahap {} disyaratkan",
        "ranking {}, the latest year in the inputs, which only 1 report holds (this one first); {} reports are of {}: choose the year to rank if {} is a mistake":
            "memeringkat {}, tahun terakhir dalam masukan, yang hanya dimiliki 1 laporan (yang ini); {} laporan dari tahun {}: pilih tahun yang diperingkat jika {} keliru",
        "ranking {}, the latest year in the inputs, which only {} reports hold (this one first); {} reports are of {}: choose the year to rank if {} is a mistake":
            "memeringkat {}, tahun terakhir dalam masukan, yang hanya dimiliki {} laporan (yang ini pertama); {} laporan dari tahun {}: pilih tahun yang diperingkat jika {} keliru",
        "no report for year {}; ": "tidak ada laporan untuk tahun {}; ",
        "no report was scored": "tidak ada laporan yang dinilai",
        "the inputs hold {}": "masukan berisi {}",
        "no report for region '{}'{}; ": "tidak ada laporan untuk wilayah '{}'{}; ",
        "no report names a region": "tidak ada laporan yang menyebut wilayah",
        "the regions are: {}": "wilayah yang ada: {}",
        "{} component:{}: no ranked report's rubric has a component '{}'; ": "{} component:{}: rubrik laporan yang diperingkat tidak memiliki komponen '{}'; ",
        "the components are: {}": "komponen yang ada: {}",
        "no report has answers at stage {}": "tidak ada laporan yang berisi jawaban pada tahap {}",
        "1 report has no answer at stage {} and is left out: {}": "1 laporan tidak berisi jawaban pada tahap {} dan tidak diikutkan: {}",
        "{} reports have no answer at stage {} and are left out: {}": "{} laporan tidak berisi jawaban pada tahap {} dan tidak diikutkan: {}",
        "no report has both a self-assessment and a later stage to compare it with; give answers with stage=\"self\" beside the final ones":
            "tidak ada laporan yang berisi penilaian mandiri sekaligus tahap sesudahnya untuk dibandingkan; berikan jawaban dengan stage=\"self\" di samping jawaban final",
        "1 report has no self-assessment beside a later stage and is left out: {}":
            "1 laporan tidak berisi penilaian mandiri di samping tahap sesudahnya dan tidak diikutkan: {}",
        "{} reports have no self-assessment beside a later stage and are left out: {}{}":
            "{} laporan tidak berisi penilaian mandiri di samping tahap sesudahnya dan tidak diikutkan: {}{}",
        "{} reports have no self-assessment beside a later stage and are left out: {}":
            "{} laporan tidak berisi penilaian mandiri di samping tahap sesudahnya dan tidak diikutkan: {}",
        "the candidate rubric needs answers that {} of {} reports lack, each counted 0 under it: {}{}":
            "rubrik usulan memerlukan jawaban yang tidak dimiliki {} dari {} laporan, masing-masing dihitung 0: {}{}",
        "{} (1 report)": "{} (1 laporan)", "{} (2 reports)": "{} (2 laporan)", "{} ({} reports)": "{} ({} laporan)", ", ": ", ",
        "{} and {} are both {}; compare two different stages": "{} dan {} sama-sama {}; bandingkan dua tahap yang berbeda",
        "{} needs one report; {} holds {}": "{} memerlukan satu laporan; {} berisi {}",
        "rubric {} scores some sub-components by checklist and others by answers; a workbook template holds one or the other (use XML or CSV)":
            "rubrik {} menilai sebagian sub-komponen dengan daftar periksa dan sebagian dengan jawaban; templat buku kerja hanya memuat salah satunya (gunakan XML atau CSV)",
        "1 more {} error from here on, not listed": "1 galat {} lagi sejak di sini, tidak dicantumkan",
        "{} more {} errors from here on, not listed": "{} galat {} lagi sejak di sini, tidak dicantumkan",
        "1 more {} warning from here on, not listed": "1 peringatan {} lagi sejak di sini, tidak dicantumkan",
        "{} more {} warnings from here on, not listed": "{} peringatan {} lagi sejak di sini, tidak dicantumkan",

        // Options
        "{} must be 0 (automatic) or more, not {}": "{} harus 0 (otomatis) atau lebih, bukan {}",
        "{} must be 0 or more, not {}": "{} harus 0 atau lebih, bukan {}",
        "{} must be at least 1, not {}": "{} harus sedikitnya 1, bukan {}",
        
        
        
        "{} must be in [0, 1), not {}": "{} harus dalam [0, 1), bukan {}",
        "{} must be above 0, not {}": "{} harus lebih dari 0, bukan {}",
        "{} {} for {} reports needs about {} of memory, ": "{} {} untuk {} laporan memerlukan sekitar {} memori, ",
        "more than this machine can hold ({}); use {} {} or fewer": "lebih dari yang dapat ditampung mesin ini ({}); gunakan {} {} atau kurang",
        "the 95% intervals of the indices of {} are up to {} wide (more than {}); --samples {} would narrow them to about {}":
            "selang 95% indeks {} selebar sampai {} (lebih dari {}); --samples {} akan menyempitkannya menjadi sekitar {}",
        "a workbook is a binary file; give --output FILE.xlsx": "buku kerja adalah berkas biner; berikan --output BERKAS.xlsx",
        "no candidate rubric; give --candidate": "tidak ada rubrik usulan; berikan --candidate",

        // Less common messages
        "an entry is compressed by method {}, which workbooks do not use": "sebuah entri dikompresi dengan metode {}, yang tidak dipakai buku kerja",
        "an entry expands to {} bytes where its directory says {}": "sebuah entri terekstrak menjadi {} bita padahal direktorinya menyebut {}",
        "an entry fails its checksum": "checksum sebuah entri tidak cocok",
        "zlib cannot start": "zlib tidak dapat dimulai",
        "an entry's compressed data is corrupt": "data terkompresi sebuah entri rusak",
        "{}: cannot read the workbook layout": "{}: berkas tata letak buku kerja tidak dapat dibaca",
        "{}: expected a mapping of keys (sheet, header_row, code, answers, ...)": "{}: diharapkan pemetaan kunci (sheet, header_row, code, answers, ...)",
        "expected the number of the header row (0 when there is none)": "diharapkan nomor baris judul (0 bila tidak ada)",
        "expected the answer columns by stage, such as {self: G, final: J}": "diharapkan kolom jawaban per tahap, seperti {self: G, final: J}",
        "needs at least one stage's column, such as final: J": "memerlukan setidaknya satu kolom tahap, seperti final: J",
        "refused: shared string {} holds more than {} characters, the most a spreadsheet cell holds":
            "ditolak: teks bersama {} berisi lebih dari {} karakter, batas yang dimuat satu sel lembar kerja",
        "a cell outside any numbered row has no reference; expected r=\"A1\" or a <row r=...> around it":
            "sel di luar baris bernomor tidak memiliki rujukan; diharapkan r=\"A1\" atau <row r=...> di sekelilingnya",
        "a cell after the sheet's last column (XFD) has no reference; expected r=\"A1\" to r=\"XFD1048576\"":
            "sel setelah kolom terakhir lembar (XFD) tidak memiliki rujukan; diharapkan r=\"A1\" sampai r=\"XFD1048576\"",
        "the part is empty; expected an XML document": "bagian ini kosong; diharapkan dokumen XML",
        "the file is empty; expected an XML document": "berkas kosong; diharapkan dokumen XML",
        "cannot create an XML parser": "pengurai XML tidak dapat dibuat",
        "cannot read the XML Schema": "XML Schema tidak dapat dibaca",
        "{} ({} points)": "{} ({} poin)",
        "'target_low' {} is above 'target_high' {}": "'target_low' {} lebih besar dari 'target_high' {}",
        "'target-low' {} is above 'target-high' {}": "'target-low' {} lebih besar dari 'target-high' {}",
        "empty 'target'; expected a number, or both target_low and target_high": "'target' kosong; diharapkan angka, atau sekaligus target_low dan target_high",
        "'weight' must not be negative": "'weight' tidak boleh negatif",
        "empty 'agency'": "'agency' kosong",
        "the reports use several rubrics ({}); choose one with {}": "laporan memakai beberapa rubrik ({}); pilih satu dengan {}",
        
        "{} sobol supports up to {} components and sub-components; {} has {}": "{} sobol mendukung sampai {} komponen dan sub-komponen; {} memiliki {}",
        "{} replicate(s) failed (non-finite weights or scores) and were left out: {}": "{} ulangan gagal (bobot atau nilai tak hingga) dan tidak diikutkan: {}",
        "no rubrics found: ": "tidak ada rubrik: ",
        "the bundled rubrics are not beside the sakip binary; copy its resource folder with it, or set SAKIP_RUBRIC_PATH":
            "rubrik bawaan tidak berada di samping program sakip; salin folder sumber dayanya bersamanya, atau atur SAKIP_RUBRIC_PATH",
        "the rubric folders are empty": "folder rubrik kosong",
        "no files to validate": "tidak ada berkas untuk diperiksa",
        "Sobol' points are available for up to 64 components and sub-components": "titik Sobol' tersedia untuk sampai 64 komponen dan sub-komponen",
        "rubric file is named {} but declares id '{}'": "berkas rubrik bernama {} tetapi menyatakan id '{}'",
        "empty rubric file; expected a mapping with id, scales, grades and components": "berkas rubrik kosong; diharapkan pemetaan dengan id, scales, grades dan components",
        "expected a text key": "diharapkan kunci teks",
        "duplicate key '{}'": "kunci '{}' ganda",
        "value {} is outside 0...{}": "nilai {} di luar 0...{}",
        "expected a non-empty mapping of answer letter to value": "diharapkan pemetaan huruf jawaban ke nilai yang tidak kosong",
        "band {} is empty: above {} is not below max {}": "predikat {} kosong: above {} tidak di bawah max {}",
        "expected at least one grade band": "diharapkan setidaknya satu predikat",
        "unknown formula '{}'; expected 2t-r or t/r": "rumus '{}' tidak dikenal; diharapkan 2t-r atau t/r",
        "grade '{}' is not in scale {}": "predikat '{}' tidak ada dalam skala {}",
        "unknown flag '{}'; expected one of {}": "tanda '{}' tidak dikenal; diharapkan salah satu dari {}",
        "the last rule must have no 'every', so that all criteria met always yields a grade":
            "aturan terakhir tidak boleh memiliki 'every', agar semua kriteria terpenuhi selalu menghasilkan predikat",
        "'above' is a share of criteria met, expected 0 <= above < 1": "'above' adalah porsi kriteria terpenuhi, diharapkan 0 <= above < 1",
        "has both 'groups' and 'subcomponents'; put sub-components inside the groups": "berisi 'groups' sekaligus 'subcomponents'; letakkan sub-komponen di dalam kelompok",
        "group {}": "kelompok {}", "component {}": "komponen {}",
        "rubric {}: {}": "rubrik {}: {}",
        "checklist aggregation needs a top-level 'checklist' rule": "agregasi checklist memerlukan aturan 'checklist' di tingkat atas",
        "expected exactly one of criterion, criteria_of, subcomponent": "diharapkan tepat satu dari criterion, criteria_of, subcomponent",
        "CSV file over 2 GB; split it into several files": "berkas CSV lebih dari 2 GB; bagi menjadi beberapa berkas",
        "{} bytes": "{} bita",

        // The command line
        "wrote {}": "menulis {}",
        "wrote {}: 1 report, {} KB": "menulis {}: 1 laporan, {} KB",
        "wrote {}: {} reports, {} KB": "menulis {}: {} laporan, {} KB",
        "wrote {}: rubric {}, {} answers filled": "menulis {}: rubrik {}, {} jawaban terisi",
        "wrote {}: rubric {}, 1 answer filled": "menulis {}: rubrik {}, 1 jawaban terisi",
        "repeated diagnostics were counted, not listed; --verbose lists up to {} of each kind":
            "diagnostik yang berulang dihitung, tidak dicantumkan; --verbose mencantumkan sampai {} untuk tiap jenis",
        "cannot write the output: {}": "tidak dapat menulis keluaran: {}",
        "ok": "ok",
        "\n{}: note: {}": "\n{}: note: {}",
    ]
}
