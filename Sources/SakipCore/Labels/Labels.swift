/// The words of text, Markdown and workbook output, one table per language. English is the key
/// and the default; `{}` marks where a value goes. Data (ids, grades, numbers, CSV and JSON keys)
/// never change with the language.
///
/// ```swift
/// let l = Labels(.id)
/// l("Weight")                        // "Bobot"
/// l("Ranking of {} reports", 56)     // "Peringkat 56 laporan"
/// ```
public struct Labels: Sendable {
    public let language: Language
    /// How a message names a request's field: as it is (`top`), or as the command line's flag
    /// (`--top`).
    public var fields: FieldNames

    public enum FieldNames: Sendable {
        case plain, flags

        func callAsFunction(_ name: String) -> String { self == .flags ? "--" + name : name }
    }

    public init(_ language: Language, fields: FieldNames = .plain) {
        self.language = language
        self.fields = fields
    }

    /// The label in this language, each `{}` replaced by the next argument.
    public func callAsFunction(_ english: String, _ arguments: CustomStringConvertible...) -> String {
        var text = Self.english[english] ?? english
        if language == .id {
            // Every label has its Indonesian form; a missing one is a programmer error the
            // `--lang id` golden tests catch in debug builds.
            let indonesian = Self.indonesian[english] ?? Self.pages[english]
            assert(indonesian != nil, "no Indonesian label for '\(english)'")
            text = indonesian ?? english
        }
        guard !arguments.isEmpty else { return text }
        var out = ""
        var rest = arguments.makeIterator()
        var remainder = Substring(text)
        while let range = remainder.range(of: "{}") {
            out += remainder[..<range.lowerBound]
            let argument = rest.next()?.description ?? "{}"
            out += argument
            remainder = remainder[range.upperBound...]
            // English counts one thing in the singular ("1 report"); Indonesian has no plural.
            if language == .en, argument == "1", let noun = Self.plurals.first(where: { remainder.hasPrefix(" " + $0 + "s") }),
               remainder.dropFirst(noun.count + 2).first?.isLetter != true {
                out += " " + noun
                remainder = remainder.dropFirst(noun.count + 2)
            }
        }
        return out + remainder
    }

    /// A message (a diagnostic's, a refusal's) in this language: its pattern and those of the
    /// words inside it looked up in `messages`, its data as they are.
    public func callAsFunction(_ message: Message) -> String {
        guard language == .id else { return message.rendered(in: .en, field: fields.callAsFunction) { _ in nil } }
        return message.rendered(in: language, field: fields.callAsFunction) { pattern in
            // Patterns with no words ("{}: {}") need no entry.
            guard pattern.contains(where: \.isLetter) else { return nil }
            assert(Self.messages[pattern] != nil, "no Indonesian text for the message '\(pattern)'")
            return Self.messages[pattern]
        }
    }

    /// A diagnostic as `file:line:col: error: message`, the message and its notes in this
    /// language; the location and the words `error`, `warning`, `note` stay as tools read them.
    public func callAsFunction(_ diagnostic: Diagnostic) -> String {
        guard language != .en || fields != .plain else { return diagnostic.description }
        var text = "\(place(diagnostic.location)): \(diagnostic.severity.rawValue): \(Diagnostic.bounded(callAsFunction(diagnostic.text)))"
        for note in diagnostic.notes { text += "\n\(place(note.location)): note: \(callAsFunction(note.text))" }
        return text
    }

    /// A location as this front end names it: a request's field by `fields`, any other as it prints.
    public func place(_ location: SourceLocation) -> String {
        location.field.map { fields($0) } ?? location.description
    }

    /// Nouns whose English plural a count of one turns singular.
    static let plurals = ["report", "replicate", "answer", "item"]

    /// Keys that are not themselves the English label: a shorter form for tables that must fit
    /// 100 columns.
    static let english: [String: String] = ["Rank (compact)": "Rank", "Grade (compact)": "Grade"]

    static let indonesian: [String: String] = [
        "Rank (compact)": "Urutan", "Grade (compact)": "Pred.",
        // Scores
        "ID": "Kode", "Component / sub-component": "Komponen / sub-komponen", "Weight": "Bobot", "Score": "Nilai",
        "Achieved": "Capaian", "Answers": "Jawaban", "grade {}": "predikat {}", "Total": "Total", "Grade: {}, {}": "Predikat: {}, {}",
        "Weakest sub-components": "Sub-komponen terlemah", "Sub-component": "Sub-komponen", "Lost": "Hilang",
        "Indicators": "Indikator kinerja", "Name": "Nama", "Polarity": "Polaritas", "Target": "Target", "Realisation": "Realisasi",
        "Achievement": "Capaian", "Band": "Kategori", "Mean achievement: {}": "Rata-rata capaian: {}", "not computable": "tidak dapat dihitung",
        "Budget absorption: {}%, efficient (achievement must be over {} points above it)": "Penyerapan anggaran: {}%, efisien (capaian harus lebih dari {} poin di atasnya)",
        "Budget absorption: {}%, not efficient (achievement must be over {} points above it)": "Penyerapan anggaran: {}%, tidak efisien (capaian harus lebih dari {} poin di atasnya)",
        "Warnings": "Peringatan", "Warnings while reading": "Peringatan saat membaca", "No report scored.": "Tidak ada laporan yang dinilai.",
        "No report ranked.": "Tidak ada laporan yang diperingkat.",
        "{} ({}), {}, rubric {}": "{} ({}), {}, rubrik {}", "Rubric `{}`. **Score {}, grade {} ({}).**": "Rubrik `{}`. **Nilai {}, predikat {} ({}).**",
        "Weakest: ": "Terlemah: ", "Mean indicator achievement: {}": "Rata-rata capaian indikator: {}", "Warnings:": "Peringatan:",
        "Unanswered": "Belum diisi", "Agency": "Instansi", "Region": "Wilayah", "Year": "Tahun", "Rubric": "Rubrik", "Grade": "Predikat",
        "Grade label": "Keterangan predikat", "Level": "Tingkat", "Answer": "Jawaban", "Reports": "Laporan", "Breakdown": "Rincian",
        "component": "komponen", "group": "kelompok", "subcomponent": "sub-komponen", "sub-component": "sub-komponen",
        // Rankings
        "Ranking of {} report": "Peringkat {} laporan", "Ranking of {} reports": "Peringkat {} laporan", " (movement against {})": " (pergerakan terhadap {})",
        ", by {}": ", menurut {}", "score": "nilai", ", rubric {}": ", rubrik {}", "Rank": "Peringkat", "C{} (rank)": "C{} (peringkat)", "IKU mean": "Rata-rata IKU",
        "Prev": "Sebelumnya", "Delta": "Selisih", "Prev grade": "Predikat sebelumnya", "Grade move": "Perubahan predikat", "Rank move": "Perubahan peringkat",
        "Was": "Semula", "Move": "Gerak", "new": "baru", "C{} = {}, weight {}": "C{} = {}, bobot {}",
        "* Unanswered items counted 0: ": "* Belum diisi, dihitung 0: ", "Grades: ": "Predikat: ",
        "† Not final, scored at the latest stage answered: ": "† Belum final, dinilai pada tahap terakhir yang diisi: ",
        "Score: mean {}, median {}, min {}, max {}": "Nilai: rata-rata {}, median {}, min {}, maks {}",
        "Mean achieved": "Rerata capaian", "Mean lost": "Rerata hilang", "Mean points lost": "Rata-rata poin hilang",
        "Weakest sub-components across all ranked reports (help first here)": "Sub-komponen terlemah dari semua laporan (dampingi di sini lebih dulu)",
        "Ranking": "Peringkat", "Grades": "Predikat", "Weakest": "Terlemah", "C{} rank": "Peringkat C{}", "Previous score": "Nilai sebelumnya",
        "Previous grade": "Predikat sebelumnya", "Grade movement": "Perubahan predikat", "Previous rank": "Peringkat sebelumnya",
        "Rank movement": "Perubahan peringkat", "up": "naik", "down": "turun", "same": "tetap",
        // Comparisons
        "Base rank": "Peringkat dasar", "Base score": "Nilai dasar", "Base grade": "Predikat dasar",
        "Cand rank": "Peringkat usulan", "Cand score": "Nilai usulan", "Cand grade": "Predikat usulan",
        "B rank": "Urutan B", "B score": "Nilai B", "B grade": "Pred. B", "C rank": "Urutan C", "C score": "Nilai C", "C grade": "Pred. C",
        "Shift": "Geser", "Grade change": "Ubah pred.", "undefined": "tidak terdefinisi",
        "Reports with unanswered items (each counted 0): {} under the baseline, {} under the candidate": "Laporan dengan isian kosong (dihitung 0): {} pada rubrik dasar, {} pada rubrik usulan",
        "Kendall tau-b: {}": "Kendall tau-b: {}", "Spearman rho: {}": "Spearman rho: {}", "Mean absolute rank shift: {}": "Rata-rata pergeseran peringkat mutlak: {}",
        "Unchanged rank: {}": "Peringkat tetap: {}", "Top-{} overlap: {}": "Irisan {} teratas: {}", "Baseline \\ candidate": "Dasar \\ usulan",
        "weight of {} {}: {} -> {}": "bobot {} {}: {} -> {}", "added: ": "ditambah: ", "removed: ": "dihapus: ",
        "criteria only in the candidate: ": "kriteria hanya di rubrik usulan: ", "criteria only in the baseline: ": "kriteria hanya di rubrik dasar: ",
        "scale {} {}: {} -> {}": "skala {} {}: {} -> {}", "absent": "tidak ada", "aggregation of {}: {} -> {}": "agregasi {}: {} -> {}",
        "texts only: ": "hanya teks: ", "no differences": "tidak ada perbedaan",
        "Comparing {} (baseline) with {} (candidate), {} reports": "Membandingkan {} (dasar) dengan {} (usulan), {} laporan",
        "Comparing {} (baseline, B) with {} (candidate, C), {} reports": "Membandingkan {} (dasar, B) dengan {} (usulan, C), {} laporan",
        "Grade transitions (rows: baseline, columns: candidate)": "Perpindahan predikat (baris: dasar, kolom: usulan)",
        "What changed in the rubric": "Yang berubah pada rubrik", "Comparing `{}` with `{}`": "Membandingkan `{}` dengan `{}`",
        "Grade transitions": "Perpindahan predikat", "Comparison": "Perbandingan", "Transitions": "Perpindahan", "Statistics": "Statistik",
        "Baseline rank": "Peringkat dasar", "Baseline score": "Nilai dasar", "Baseline grade": "Predikat dasar", "Candidate rank": "Peringkat usulan",
        "Candidate score": "Nilai usulan", "Candidate grade": "Predikat usulan", "Baseline unanswered": "Belum diisi (dasar)",
        "Candidate unanswered": "Belum diisi (usulan)", "Measure": "Ukuran", "Value": "Nilai", "Baseline": "Dasar", "Candidate": "Usulan",
        "Kendall tau-b": "Kendall tau-b", "Spearman rho": "Spearman rho", "Mean absolute rank shift": "Rata-rata pergeseran peringkat mutlak",
        "Share unchanged": "Bagian tetap", "Top-{} overlap": "Irisan {} teratas",
        // Sensitivity
        "Sensitivity of {} reports{} to the weights of {}:": "Kepekaan {} laporan{} terhadap bobot {}:",
        "{} {}replicates, {} model, spread {}, seed {}": "{} {}replikasi, model {}, sebaran {}, benih {}",
        "Median": "Median", "Keeps": "Tetap", "Keeps grade": "Predikat tetap", "Grade probabilities": "Peluang predikat",
        "Median rank": "Peringkat median", "5% rank": "Peringkat 5%", "95% rank": "Peringkat 95%",
        "Mean Spearman rho to the nominal ranking: {}": "Rata-rata Spearman rho terhadap peringkat nominal: {}",
        "Convergence: rank quantiles moved at most {} (mean {}) from half of the replicates to all": "Konvergensi: kuantil peringkat bergeser maks. {} (rerata {}) dari separuh ke semua replikasi",
        "Failed replicates: {}": "Replikasi gagal: {}", "Sensitivity": "Kepekaan",
        "Likely rank": "Peringkat terkuat", "Mode": "Modus", "P(rank 1)": "P(peringkat 1)", "P(rank {})": "P(peringkat {})", "P(rank > {})": "P(peringkat > {})",
        "Sobol' indices on the mean absolute rank shift": "Indeks Sobol' atas rerata pergeseran peringkat mutlak",
        "N = {}, {} weight sets ({}), 95% bootstrap intervals ({} resamples)": "N = {}, {} set bobot ({}), selang bootstrap 95% ({} sampel ulang)",
        "random": "acak", "Input": "Masukan", "Kind": "Jenis", "First order": "Orde pertama", "component weight": "bobot komponen",
        "sub-component share": "porsi sub-komponen", "component and its sub-components": "komponen beserta sub-komponennya",
        "Removing one component or sub-component (the others renormalised)": "Menghapus satu komponen atau sub-komponen (sisanya dinormalkan ulang)",
        "Removed": "Dihapus", "Mean rank change": "Rerata geser", "Max": "Maks", "Moves most": "Paling bergeser",
        "Indices": "Indeks", "Rank indices": "Indeks peringkat", "Removal": "Penghapusan", "First order, 2.5%": "Orde pertama, 2,5%",
        "First order, 97.5%": "Orde pertama, 97,5%", "Total, 2.5%": "Total, 2,5%", "Total, 97.5%": "Total, 97,5%", "S {}": "S {}", "ST {}": "ST {}",
        // Stages
        "Stages (the score above is {})": "Tahapan (nilai di atas adalah tahap {})", "Stage": "Tahap",
        "self": "mandiri", "verified": "verifikasi", "quality": "penjaminan", "final": "final",
        "Self-assessment against {}, largest over-claims first": "Penilaian mandiri terhadap tahap {}, kelebihan klaim terbesar dahulu",
        "Self": "Mandiri", "Gap": "Selisih", "Over-claimed: ": "Klaim berlebih: ", "Gaps": "Selisih tahap", "Stages": "Tahapan",
        "Self score": "Nilai mandiri", "Self answer": "Jawaban mandiri", "Scored answer": "Jawaban dinilai", "Scored score": "Nilai dinilai",
        "Mean gap": "Rerata selisih", "Largest": "Terbesar", "Where": "Di", "Over-claimed": "Klaim berlebih", "Share": "Porsi",
        "Self-assessment against the scored answers: {} reports{}": "Penilaian mandiri terhadap jawaban yang dinilai: {} laporan{}",
        "Sub-components most over-claimed across all partners (points of the total)": "Sub-komponen dengan klaim berlebih terbesar di semua mitra (poin dari total)",
        "Partners": "Mitra", ", at stage {}": ", tahap {}",
        // The HTML report
        "SAKIP evaluation": "Evaluasi SAKIP", "Overview": "Ringkasan", "Reports per grade": "Jumlah laporan per predikat", "Component": "Komponen", "Share of each component achieved": "Capaian tiap komponen", "Movement since": "Perubahan sejak", "Previous": "Sebelumnya", "Change": "Perubahan", "Weakest sub-components across all reports": "Sub-komponen terlemah di semua laporan", "Robustness to the weights": "Ketahanan terhadap bobot", "Rank intervals (5%-95%) over the weight sets": "Rentang peringkat (5%-95%) atas himpunan bobot", "Nominal": "Nominal", "Probability of each grade": "Peluang tiap predikat", "Convergence": "Konvergensi", "Agencies": "Instansi", "Kerangka logis (consistency)": "Kerangka logis", "Unanswered, each counted 0": "Belum diisi, masing-masing dihitung 0", "reports": "laporan", "Inputs that could not be scored": "Masukan yang tidak dapat dinilai", "Back to the overview": "Kembali ke ringkasan", "Made by sakip": "Dibuat dengan sakip",
        "Mean {}": "Rata-rata {}", "Median {}": "Median {}", "Min {}": "Min {}", "Max {}": "Maks {}", "rubric {}": "rubrik {}",
        "{} reports, rubric {}": "{} laporan, rubrik {}",
        // Notes and evidence
        "Notes": "Catatan", "Note": "Catatan", "Evidence": "Bukti dukung", "Criterion": "Kriteria",
        "Notes and evidence": "Catatan dan bukti dukung",
        // Rubrics
        "Rubrics": "Rubrik", "Components": "Komponen", "Sub-components": "Sub-komponen", "Criteria": "Kriteria",
        "Aggregation": "Agregasi", "Title": "Judul",
    ]
}
