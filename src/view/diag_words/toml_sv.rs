//! The TOML parser's own detail (after "invalid TOML:") in Swedish: its descriptions and what
//! it expected, looked up in a table; a literal between backticks is the file's own text and
//! stays, and a phrase the table does not know stays in English (a newer parser may say new
//! things).

/// The parser's descriptions of a fault.
const DESCRIPTIONS: &[(&str, &str)] = &[
    ("invalid basic string", "ogiltig sträng"),
    ("invalid literal string", "ogiltig sträng inom apostrofer"),
    ("invalid multi-line basic string", "ogiltig flerradssträng"),
    (
        "invalid multi-line literal string",
        "ogiltig flerradssträng inom apostrofer",
    ),
    ("invalid string", "ogiltig sträng"),
    ("invalid boolean", "ogiltigt sanningsvärde"),
    ("invalid date-time", "ogiltig tidpunkt"),
    ("invalid datetime", "ogiltig tidpunkt"),
    ("invalid date", "ogiltigt datum"),
    ("invalid time", "ogiltig tid"),
    ("invalid float", "ogiltigt decimaltal"),
    ("invalid integer number", "ogiltigt heltal"),
    ("invalid hexadecimal number", "ogiltigt hexadecimalt tal"),
    ("invalid octal number", "ogiltigt oktalt tal"),
    ("invalid binary number", "ogiltigt binärt tal"),
    (
        "could not allocate for string",
        "minnet räckte inte till strängen",
    ),
    (
        "carriage return must be followed by newline",
        "vagnretur (CR) måste följas av radbrytning",
    ),
    ("missing opening quote", "inledande citattecken saknas"),
    (
        "missing comma between array elements",
        "kommatecken saknas mellan listans värden",
    ),
    (
        "integers with a radix cannot be signed",
        "heltal med talbas kan inte ha + eller -",
    ),
    ("duplicate key", "dubblerad nyckel"),
    ("radix must be lowercase", "talbasen skrivs med gemener"),
    (
        "missing assignment between key-value pairs",
        "`=` saknas mellan nyckel och värde",
    ),
    ("unexpected leading zero", "oväntad inledande nolla"),
    ("unclosed array table", "rubriken `[[…]]` är inte stängd"),
    (
        "missing key for inline table element",
        "nyckel saknas i den infogade tabellen",
    ),
    (
        "missing inline table opening",
        "`{` saknas före den infogade tabellen",
    ),
    ("missing escaped value", "tecken saknas efter `\\`"),
    ("missing array opening", "`[` saknas före listan"),
    ("invalid unquoted key", "ogiltig nyckel utan citattecken"),
    (
        "cannot recurse further; max recursion depth met",
        "för djup nästling; största djupet är nått",
    ),
    ("recursion limit", "för djup nästling"),
    (
        "unquoted keys cannot be empty",
        "en nyckel utan citattecken får inte vara tom",
    ),
    ("unexpected sign", "oväntat + eller -"),
    (
        "unexpected key or value",
        "oväntad nyckel eller oväntat värde",
    ),
    ("unexpected content", "oväntat innehåll"),
    (
        "unexpected content between comment and newline",
        "oväntat innehåll mellan kommentar och radslut",
    ),
    ("unexpected `=` in array", "oväntat `=` i en lista"),
    ("unclosed table", "rubriken `[…]` är inte stängd"),
    (
        "unclosed inline table",
        "den infogade tabellen är inte stängd",
    ),
    ("unclosed array", "listan är inte stängd"),
    (
        "too few unicode value digits",
        "för få siffror i unicode-värdet",
    ),
    (
        "string values must be quoted",
        "text ska stå inom citattecken",
    ),
    ("redundant numeric sign", "överflödigt + eller -"),
    (
        "redundant integer number prefix",
        "överflödigt prefix före heltalet",
    ),
    ("missing value", "värde saknas"),
    ("missing value for key", "värde saknas för nyckeln"),
    ("missing table open", "`[` saknas före tabellen"),
    ("missing comment start", "`#` saknas före kommentaren"),
    (
        "missing comma between key-value pairs",
        "kommatecken saknas mellan nycklarna",
    ),
    (
        "keys cannot be multi-line literal strings",
        "en nyckel kan inte vara en flerradssträng",
    ),
    (
        "keys cannot be multi-line basic strings",
        "en nyckel kan inte vara en flerradssträng",
    ),
    ("key with no value", "nyckel utan värde"),
    ("invalid value", "ogiltigt värde"),
    ("invalid key-value pair", "ogiltig nyckel med värde"),
    ("invalid comment character", "ogiltigt tecken i kommentaren"),
    (
        "extra comma in inline table",
        "extra kommatecken i den infogade tabellen",
    ),
    ("extra comma in array", "extra kommatecken i listan"),
    (
        "extra assignment between key-value pairs",
        "extra `=` mellan nyckel och värde",
    ),
    (
        "`_` may only go between digits",
        "`_` får bara stå mellan siffror",
    ),
    (
        "floating-point number overflowed",
        "decimaltalet är för stort",
    ),
    ("integer number overflowed", "heltalet är för stort"),
];

/// What the parser says it expected.
const EXPECTED: &[(&str, &str)] = &[
    ("nothing", "ingenting"),
    ("etc", "med mera"),
    ("newline", "radbrytning"),
    ("basic string", "sträng"),
    ("literal string", "sträng inom apostrofer"),
    ("multi-line basic string", "flerradssträng"),
    ("characters", "tecken"),
    ("digits", "siffror"),
    ("key", "nyckel"),
    ("letters", "bokstäver"),
    ("numbers", "tal"),
    ("value", "värde"),
    (
        "non-double-quote visible characters",
        "synliga tecken utom `\"`",
    ),
    ("non-single-quote characters", "tecken utom `'`"),
    (
        "non-single-quote visible characters",
        "synliga tecken utom `'`",
    ),
    ("printable characters", "skrivbara tecken"),
    ("unicode hexadecimal value", "hexadecimalt unicode-värde"),
    ("year or hour", "år eller timme"),
    ("month", "månad"),
    ("day", "dag"),
    ("hour", "timme"),
    ("minute", "minut"),
    ("second", "sekund"),
    ("nanosecond", "nanosekund"),
];

/// The parser's `detail` in Swedish, as far as the tables know its words.
pub(super) fn toml_sv(detail: &str) -> String {
    let (description, expected) = match detail.split_once(", expected ") {
        Some((d, e)) => (d, Some(e)),
        None => (detail, None),
    };
    let mut out = look_up(DESCRIPTIONS, description).to_string();
    if let Some(expected) = expected {
        let items: Vec<String> = expected.split(", ").map(expected_sv).collect();
        out.push_str(", väntade ");
        out.push_str(&items.join(", "));
    }
    out
}

/// One thing expected: a literal as it is; "day between 01 and 29" with its numbers.
fn expected_sv(item: &str) -> String {
    if let Some((what, range)) = item.split_once(" between ")
        && let Some((from, to)) = range.split_once(" and ")
    {
        let what = look_up(EXPECTED, what);
        return format!("{what} mellan {from} och {to}");
    }
    look_up(EXPECTED, item).to_string()
}

fn look_up<'a>(table: &[(&'a str, &'a str)], en: &'a str) -> &'a str {
    table
        .iter()
        .find(|(e, _)| *e == en)
        .map_or(en, |(_, sv)| *sv)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_parsers_words_in_swedish_and_the_files_own_as_they_are() {
        assert_eq!(
            toml_sv("invalid date, expected day between 01 and 29"),
            "ogiltigt datum, väntade dag mellan 01 och 29"
        );
        assert_eq!(
            toml_sv("invalid basic string, expected `\"`"),
            "ogiltig sträng, väntade `\"`"
        );
        assert_eq!(
            toml_sv("missing comma between array elements, expected `,`, `]`"),
            "kommatecken saknas mellan listans värden, väntade `,`, `]`"
        );
        assert_eq!(toml_sv("duplicate key"), "dubblerad nyckel");
        assert_eq!(toml_sv("something new"), "something new");
    }

    #[test]
    fn every_description_reads_differently_in_swedish() {
        for (en, sv) in DESCRIPTIONS.iter().chain(EXPECTED) {
            assert_ne!(en, sv);
        }
    }
}
