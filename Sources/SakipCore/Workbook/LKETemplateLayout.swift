/// The shape of the workbook `sakip template` writes, shared by the writer and the reader so
/// that what one writes the other takes back: the LKE sheet's columns and headers, and the
/// identity sheet's labels, in each language.
public enum LKETemplateLayout {
    public static let sheet = "LKE"

    /// Column headers of the LKE sheet, A to I.
    public static func headers(_ language: Language) -> [String] {
        switch language {
        case .en: ["Code", "Component/Sub-component/Criterion", "Weight", "Self-assessment", "Value", "Evaluator", "Value", "Notes", "Evidence"]
        case .id: ["Kode", "Komponen/Sub-komponen/Kriteria", "Bobot", "Jawaban Mandiri", "Nilai", "Jawaban Evaluator", "Nilai", "Catatan", "Bukti Dukung"]
        }
    }

    public static func identitySheet(_ language: Language) -> String {
        language == .id ? "Identitas" : "Identity"
    }

    /// Labels of the identity sheet's rows, in `WorkbookLayout.identityKeys` order.
    public static func identityLabels(_ language: Language) -> [String] {
        language == .id ? ["Kode instansi", "Nama instansi", "Wilayah", "Tahun", "Rubrik"] : ["Agency id", "Agency name", "Region", "Year", "Rubric"]
    }

    public static func identityHeaders(_ language: Language) -> [String] {
        language == .id ? ["Isian", "Nilai"] : ["Field", "Value"]
    }

    /// Columns (1-based) of the LKE sheet.
    public static let codeColumn = 1, weightColumn = 3, selfColumn = 4, selfValueColumn = 5, answerColumn = 6, valueColumn = 7
    public static let notesColumn = 8, evidenceColumn = 9

    /// The template as a layout (its identity comes from the identity sheet, by label).
    static var layout: WorkbookLayout {
        var layout = WorkbookLayout(sheet: sheet, headerRow: 1, code: codeColumn, answer: answerColumn)
        layout.selfAssessment = selfColumn
        layout.notes = notesColumn
        layout.evidence = evidenceColumn
        layout.weight = weightColumn
        return layout
    }

    /// Whether a sheet's first row carries the template's headers (in any language) where the
    /// code and the two answers are read.
    static func recognises(_ sheet: Worksheet) -> Bool {
        Language.allCases.contains { language in
            let headers = headers(language)
            return [codeColumn, selfColumn, answerColumn].allSatisfy {
                sheet[1, $0]?.text.lowercased() == headers[$0 - 1].lowercased()
            }
        }
    }
}
