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

    /// Column headers of the LKE sheet of a checklist rubric, A to K: the four flags of each
    /// criterion, then each sub-component's grade and value.
    public static func checklistHeaders(_ language: Language) -> [String] {
        switch language {
        case .en: ["Code", "Component/Sub-component/Criterion", "Weight", "Met", "Mandated", "Kept 1 year", "Kept 5 years", "Grade", "Value", "Notes", "Evidence"]
        case .id: ["Kode", "Komponen/Sub-komponen/Kriteria", "Bobot", "Ada", "Sesuai mandat", "Terjaga 1 tahun", "Terjaga 5 tahun", "Predikat", "Nilai", "Catatan", "Bukti Dukung"]
        }
    }

    /// Columns of the flags (met, mandated, kept 1 year, kept 5 years) in a checklist LKE sheet.
    public static let flagColumns = [4, 5, 6, 7]
    public static let checklistGradeColumn = 8, checklistValueColumn = 9

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
    package static var layout: WorkbookLayout {
        var layout = WorkbookLayout(sheet: sheet, headerRow: 1, code: codeColumn, answers: [.selfAssessment: selfColumn, .final: answerColumn])
        layout.notes = notesColumn
        layout.evidence = evidenceColumn
        layout.weight = weightColumn
        return layout
    }

    /// The checklist template as a layout.
    package static var checklistLayout: WorkbookLayout {
        var layout = WorkbookLayout(sheet: sheet, headerRow: 1, code: codeColumn, answers: [:])
        layout.flags = flagColumns
        layout.notes = 10
        layout.evidence = 11
        layout.weight = weightColumn
        return layout
    }

    /// The template layout whose headers a sheet's first row carries (in any language) where the
    /// code and the answers are read; nil for another sheet.
    static func layout(recognising sheet: Worksheet) -> WorkbookLayout? {
        func carries(_ headers: [String], _ columns: [Int]) -> Bool {
            columns.allSatisfy { sheet[1, $0]?.text.lowercased() == headers[$0 - 1].lowercased() }
        }
        if Language.allCases.contains(where: { carries(headers($0), [codeColumn, selfColumn, answerColumn]) }) { return layout }
        if Language.allCases.contains(where: { carries(checklistHeaders($0), [codeColumn] + flagColumns) }) { return checklistLayout }
        return nil
    }
}
