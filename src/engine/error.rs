//! One error type for everything a user can get wrong, always tied to the place it came
//! from (`units[2].indicators.proses.biaya`). It carries data only — what was expected,
//! the limit, the name; `text::problems` words it in the user's language (and gives it
//! `Display`, in English, for the command line).

use crate::engine::number::NumberError;
use rust_decimal::Decimal;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    NotANumber(String),
    /// A number with more digits than an exact decimal holds (28).
    TooLong(String),
    TwoSeparators(String),
    /// A dot before exactly three digits ("1.000"), which Indonesian writes between
    /// thousands: never silently read as a decimal point in a typed field.
    ThousandsDot(String),
    Expected(Expected),
    AboveMax {
        value: Decimal,
        max: Decimal,
    },
    BelowMin {
        value: Decimal,
        min: Decimal,
    },
    NotALevel {
        value: Decimal,
        min: u16,
        max: u16,
    },
    /// A respondent count that is not a whole number from 0 to `max`.
    NotACount {
        text: String,
        max: u32,
    },
    /// Not one of the listed levels ("AA = 100, A = 90, …").
    NotListed {
        value: Decimal,
        levels: String,
    },
    UnknownField,
    UnknownRuleset(String),
    UnknownDimension(String),
    UnknownIndicator(String),
    /// A bare indicator id that more than one dimension has ("biaya" in two dimensions).
    AmbiguousIndicator {
        id: String,
        candidates: Vec<String>,
    },
    /// Kepercayaan Masyarakat on a unit entered as a total, which already holds it.
    TrustInTotal,
    /// One indicator named twice ("proses.biaya" and "biaya").
    GivenTwice(String),
    /// A ruleset file breaks a rule every method must obey.
    Rule(Rule),
    /// Anything else a file, link or command can get wrong, with its data.
    Says(Says),
    ProductCount {
        expected: usize,
        got: usize,
    },
    MixedLevels,
    NoData,
    TooManyDecimals {
        max: u32,
    },
    NotPositive,
    TooPrecise,
    /// More items than `engine::limits` allows (units, dimensions, indicators, characters).
    TooMany {
        what: Counted,
        got: usize,
    },
    NotInRuleset(&'static str),
}

/// What a limit of `engine::limits` counts, for its message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Counted {
    Units,
    Dimensions,
    Indicators,
    MethodIndicators,
    /// Indicator entries (or locks) of one unit: at most every indicator of a method.
    Entries,
    NameChars,
    WidgetFields,
}

/// Problems of scenarios, links and commands, each with the data its message needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Says {
    NoRobustPlan(u64),
    UnknownTarget {
        given: String,
        known: String,
    },
    NotACategoryOf {
        given: String,
        ruleset: String,
        known: String,
    },
    /// What a JSON reader said (its own words, kept as they are).
    Unreadable(String),
    NotJson(String),
    FixedScale,
    NoScoresYet,
    NoSuchSector(String),
    TooFewScored {
        draw: u64,
        sector: String,
        scored: u64,
        listed: u64,
    },
    UnsupportedFormat {
        got: String,
        newest: u64,
    },
    MissingRuleset,
    MissingUnits,
    NotTheCustomId {
        ruleset: String,
        custom: String,
    },
    ValueAndCounts(String),
    NotFromAnswers,
    CountsPerAnswer {
        answers: u64,
        min: u16,
        max: u16,
        got: u64,
    },
    ProductsPerList(u64),
    /// A user's own method under the id of a shipped one.
    BuiltInId(String),
    /// A table (CSV) without a row naming its columns ("Nama unit", …).
    NoHeaderRow,
    /// A share link of this many characters, too long for a QR code that scans.
    LinkTooLongForQr(u64),
    /// A file that is not an Excel workbook, or a damaged one (what the reader said).
    NotAWorkbook(String),
    /// A file of units under another method than the page's (a merge needs one method).
    OtherMethod {
        file: String,
        title: String,
        title_en: String,
        page: String,
    },
}

/// What a ruleset may not be (`Ruleset::validate`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rule {
    NotAnId(String),
    NoneListed(Listing),
    NotPositive(Option<Decimal>),
    Products(usize),
    TooManyUnits(usize),
    UnitName,
    RoundingPlaces,
    UsedTwice(String),
    /// An indicator id used twice in one dimension.
    UsedTwiceIn(String, String),
    MaxNotAboveMin {
        min: u16,
        max: u16,
    },
    LevelOutside {
        value: u16,
        min: u16,
        max: u16,
    },
    DescribedTwice(u16),
    LevelsOnlyFractional,
    LevelsOnlyEnd {
        end: u16,
        min: u16,
        max: u16,
    },
    TrustWeight(Decimal),
    EmptyCategory,
    FinerThanRounding {
        min: Decimal,
        places: u32,
    },
    BandOutside {
        min: Decimal,
        max: Decimal,
    },
    NotTopDown {
        min: Decimal,
        above: Decimal,
    },
    BottomBand,
}

/// What a ruleset must list at least one of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Listing {
    Year,
    Dimension,
    Indicator,
    Band,
}

/// What a field should have held.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    Object,
    List,
    Number,
    Text,
    TrueOrFalse,
    PositiveWhole,
    UnitsDrawn,
    SingleValue,
    CountsPerAnswer,
    ScaleTop,
    CriteriaCount,
    SectorName,
    StepPoints,
    Margin,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError {
    pub path: String,
    pub problem: Problem,
}

impl InputError {
    pub fn new(path: impl Into<String>, problem: Problem) -> Self {
        InputError { path: path.into(), problem }
    }

    /// From a failed parse of `text` at `path`.
    pub fn number(path: impl Into<String>, text: &str, e: NumberError) -> Self {
        let problem = match e {
            NumberError::TwoSeparators => Problem::TwoSeparators(text.to_string()),
            NumberError::Empty | NumberError::NotANumber => Problem::NotANumber(text.to_string()),
            NumberError::TooLong => Problem::TooLong(text.to_string()),
        };
        InputError::new(path, problem)
    }

    /// The same problem, placed inside `outer` ("custom_ruleset" + "bands[2].min").
    pub fn within(self, outer: &str) -> Self {
        let path = if self.path.is_empty() { outer.to_string() } else { format!("{outer}.{}", self.path) };
        InputError { path, ..self }
    }
}

impl std::error::Error for InputError {}
