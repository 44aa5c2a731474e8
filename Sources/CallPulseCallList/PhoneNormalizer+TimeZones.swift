
extension PhoneNormalizer {
    /// The IANA time zone of a region that has exactly one, for calling windows in the
    /// contact's local time: "FI" → "Europe/Helsinki", "AX" → "Europe/Mariehamn".
    ///
    /// Returns nil for regions spanning several zones (US, CA, RU, AU, BR, MX, ES with the
    /// Canaries, PT with the Azores, …) and for regions not in the table: use the campaign's
    /// zone then. Debian's libphonenumber has no time-zone mapper, hence this table.
    public static func timeZone(forRegion region: String) -> String? {
        singleZoneRegions[region.uppercased()]
    }

    /// Regions with a single IANA zone: Europe, plus the common regions further away.
    package static let singleZoneRegions: [String: String] = [
        // Nordic and Baltic
        "FI": "Europe/Helsinki", "AX": "Europe/Mariehamn", "SE": "Europe/Stockholm",
        "NO": "Europe/Oslo", "SJ": "Arctic/Longyearbyen", "DK": "Europe/Copenhagen",
        "FO": "Atlantic/Faroe", "IS": "Atlantic/Reykjavik", "EE": "Europe/Tallinn",
        "LV": "Europe/Riga", "LT": "Europe/Vilnius",
        // Western and central Europe
        "GB": "Europe/London", "IE": "Europe/Dublin", "IM": "Europe/Isle_of_Man",
        "JE": "Europe/Jersey", "GG": "Europe/Guernsey", "GI": "Europe/Gibraltar",
        "DE": "Europe/Berlin", "NL": "Europe/Amsterdam", "BE": "Europe/Brussels",
        "LU": "Europe/Luxembourg", "FR": "Europe/Paris", "MC": "Europe/Monaco",
        "CH": "Europe/Zurich", "LI": "Europe/Vaduz", "AT": "Europe/Vienna",
        "AD": "Europe/Andorra", "IT": "Europe/Rome", "SM": "Europe/San_Marino",
        "VA": "Europe/Vatican", "MT": "Europe/Malta",
        "PL": "Europe/Warsaw", "CZ": "Europe/Prague", "SK": "Europe/Bratislava",
        "HU": "Europe/Budapest", "SI": "Europe/Ljubljana",
        // South-eastern and eastern Europe
        "HR": "Europe/Zagreb", "BA": "Europe/Sarajevo", "RS": "Europe/Belgrade",
        "ME": "Europe/Podgorica", "MK": "Europe/Skopje", "AL": "Europe/Tirane",
        "XK": "Europe/Belgrade", "GR": "Europe/Athens", "BG": "Europe/Sofia",
        "RO": "Europe/Bucharest", "MD": "Europe/Chisinau", "BY": "Europe/Minsk",
        "TR": "Europe/Istanbul", "CY": "Asia/Nicosia", "GE": "Asia/Tbilisi",
        "AM": "Asia/Yerevan", "AZ": "Asia/Baku",
        // Middle East and Africa
        "IL": "Asia/Jerusalem", "AE": "Asia/Dubai", "SA": "Asia/Riyadh", "QA": "Asia/Qatar",
        "EG": "Africa/Cairo", "MA": "Africa/Casablanca", "ZA": "Africa/Johannesburg",
        "NG": "Africa/Lagos", "KE": "Africa/Nairobi",
        // Asia
        "IN": "Asia/Kolkata", "PK": "Asia/Karachi", "BD": "Asia/Dhaka", "LK": "Asia/Colombo",
        "NP": "Asia/Kathmandu", "TH": "Asia/Bangkok", "VN": "Asia/Ho_Chi_Minh",
        "SG": "Asia/Singapore", "PH": "Asia/Manila", "HK": "Asia/Hong_Kong",
        "TW": "Asia/Taipei", "CN": "Asia/Shanghai", "JP": "Asia/Tokyo", "KR": "Asia/Seoul",
        // The Americas
        "PE": "America/Lima", "CO": "America/Bogota", "VE": "America/Caracas",
        "UY": "America/Montevideo", "CR": "America/Costa_Rica", "PA": "America/Panama",
    ]
}
