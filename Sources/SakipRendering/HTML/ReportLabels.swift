import SakipCore

/// The words of the HTML report, one table per language. Data (ids, grades, numbers) never
/// change with the language.
public struct ReportLabels: Sendable {
    let language: Language
    let title: String
    let overview: String
    let gradeCounts: String
    let ranking: String
    let rank: String
    let agency: String
    let region: String
    let score: String
    let grade: String
    let component: String
    let subcomponent: String
    let weight: String
    let achieved: String
    let heatMap: String
    let movement: String
    let previousScore: String
    let change: String
    let weakest: String
    let meanAchieved: String
    let meanLost: String
    let sensitivity: String
    let rankIntervals: String
    let median: String
    let nominal: String
    let gradeProbabilities: String
    let keepsGrade: String
    let convergence: String
    let candidate: String
    let baseline: String
    let shift: String
    let transitions: String
    let agencies: String
    let indicators: String
    let target: String
    let realization: String
    let achievement: String
    let band: String
    let consistency: String
    let unanswered: String
    let reports: String
    let errors: String
    let backToTop: String
    let generated: String
    let notComputable: String
    let notes: String
    let criterion: String
    let stage: String
    let note: String
    let evidence: String
    /// Stage names by raw value (self, verified, quality, final).
    let stages: [String: String]

    public static func forLanguage(_ language: Language) -> ReportLabels {
        language == .id ? indonesian : english
    }

    static let english = ReportLabels(
        language: .en, title: "SAKIP evaluation", overview: "Overview", gradeCounts: "Reports per grade", ranking: "Ranking",
        rank: "Rank", agency: "Agency", region: "Region", score: "Score", grade: "Grade", component: "Component",
        subcomponent: "Sub-component", weight: "Weight", achieved: "Achieved", heatMap: "Share of each component achieved",
        movement: "Movement since", previousScore: "Previous", change: "Change", weakest: "Weakest sub-components across all reports",
        meanAchieved: "Mean achieved", meanLost: "Mean points lost", sensitivity: "Robustness to the weights",
        rankIntervals: "Rank intervals (5%-95%) over the weight sets", median: "Median", nominal: "Nominal",
        gradeProbabilities: "Probability of each grade", keepsGrade: "Keeps grade", convergence: "Convergence",
        candidate: "Candidate", baseline: "Baseline", shift: "Shift", transitions: "Grade transitions (rows: baseline, columns: candidate)",
        agencies: "Agencies", indicators: "Indicators", target: "Target", realization: "Realisation", achievement: "Achievement",
        band: "Band", consistency: "Kerangka logis (consistency)", unanswered: "Unanswered, each counted 0",
        reports: "reports", errors: "Inputs that could not be scored", backToTop: "Back to the overview", generated: "Made by sakip",
        notComputable: "not computable", notes: "Notes and evidence", criterion: "Criterion", stage: "Stage", note: "Note",
        evidence: "Evidence", stages: ["self": "self", "verified": "verified", "quality": "quality", "final": "final"])

    static let indonesian = ReportLabels(
        language: .id, title: "Evaluasi SAKIP", overview: "Ringkasan", gradeCounts: "Jumlah laporan per predikat", ranking: "Peringkat",
        rank: "Peringkat", agency: "Instansi", region: "Wilayah", score: "Nilai", grade: "Predikat", component: "Komponen",
        subcomponent: "Sub-komponen", weight: "Bobot", achieved: "Capaian", heatMap: "Capaian tiap komponen",
        movement: "Perubahan sejak", previousScore: "Sebelumnya", change: "Perubahan", weakest: "Sub-komponen terlemah di semua laporan",
        meanAchieved: "Rata-rata capaian", meanLost: "Rata-rata nilai hilang", sensitivity: "Ketahanan terhadap bobot",
        rankIntervals: "Rentang peringkat (5%-95%) atas himpunan bobot", median: "Median", nominal: "Nominal",
        gradeProbabilities: "Peluang tiap predikat", keepsGrade: "Predikat tetap", convergence: "Konvergensi",
        candidate: "Usulan", baseline: "Berlaku", shift: "Pergeseran", transitions: "Perpindahan predikat (baris: berlaku, kolom: usulan)",
        agencies: "Instansi", indicators: "Indikator", target: "Target", realization: "Realisasi", achievement: "Capaian",
        band: "Kategori", consistency: "Kerangka logis", unanswered: "Belum diisi, masing-masing dihitung 0",
        reports: "laporan", errors: "Masukan yang tidak dapat dinilai", backToTop: "Kembali ke ringkasan", generated: "Dibuat dengan sakip",
        notComputable: "tidak dapat dihitung", notes: "Catatan dan bukti dukung", criterion: "Kriteria", stage: "Tahap", note: "Catatan",
        evidence: "Bukti dukung", stages: ["self": "mandiri", "verified": "verifikasi", "quality": "penjaminan", "final": "final"])
}
