/// Numbers as text for files: whole numbers without a decimal point, others in their shortest
/// exact form with a decimal point (`3.5`); the Excel dialect turns the point into a comma.
public enum NumberText {
    public static func format(_ number: Double) -> String {
        if number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
        return String(number)
    }
}
