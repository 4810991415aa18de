import ArgumentParser
import HosoText

extension Field: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(rawValue: argument == "nationalid" ? "national_id" : argument)
    }

    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}
