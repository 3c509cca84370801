//! Embedding settings, from an iframe's query string (`?ruleset=ombudsman-2021&lang=en`)
//! or, for the script-tag embed, an element's `data-*` attributes. Pure, so what a web
//! team may write — and what is refused — is tested on the host.

/// Theme keys and the CSS custom properties they set.
pub const THEME: [(&str, &str); 4] =
    [("accent", "--rapor-accent"), ("background", "--rapor-bg"), ("text", "--rapor-fg"), ("focus", "--rapor-focus")];

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Settings {
    pub ruleset: Option<String>,
    /// "id" or "en".
    pub lang: Option<String>,
    /// Names of the units a fresh page starts with.
    pub units: Vec<String>,
    pub compact: bool,
    /// `--rapor-accent: #0b5cad; …`, from validated colours only.
    pub style: String,
    /// Separates this widget's saved work from other widgets on the same site.
    pub instance: Option<String>,
    /// The `data-instance` this widget asked for, which another widget on the page
    /// already has (`embed.js` sets it): this one then saves nothing, and says so.
    pub taken: Option<String>,
    /// `links="no"`: this widget leaves a share link in the address to another (on a
    /// page of several, `embed.js` gives the link to the first only).
    pub no_links: bool,
    /// `lang_wins="1"`: `lang` wins over the language of saved work (`<rapor-kalkulator>`
    /// whose `lang` attribute the host page just changed).
    pub lang_wins: bool,
}

impl Settings {
    /// Reads known keys; unknown keys and values that are not allowed are ignored, so a
    /// typo in a CMS snippet never breaks the page.
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Settings {
        let mut s = Settings::default();
        for (k, v) in pairs {
            let v = v.trim();
            match k {
                "ruleset" if is_id(v) => s.ruleset = Some(v.to_string()),
                "lang" if v == "id" || v == "en" => s.lang = Some(v.to_string()),
                "units" => {
                    s.units = v
                        .split(['|', ';'])
                        .map(str::trim)
                        .filter(|n| !n.is_empty())
                        .take(50)
                        .map(|n| n.chars().take(80).collect())
                        .collect()
                }
                "compact" => s.compact = matches!(v, "" | "1" | "true" | "yes" | "ya"),
                "instance" if is_id(v) => s.instance = Some(v.to_string()),
                "taken" if is_id(v) => s.taken = Some(v.to_string()),
                "links" => s.no_links = v == "no",
                "lang_wins" => s.lang_wins = v == "1",
                _ => {
                    if let Some((_, var)) = THEME.iter().find(|(key, _)| *key == k) {
                        if is_hex_colour(v) {
                            s.style.push_str(&format!("{var}: {v}; "));
                        }
                    }
                }
            }
        }
        s
    }
}

fn is_id(v: &str) -> bool {
    !v.is_empty() && v.len() <= 60 && v.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// `#rgb` or `#rrggbb` only: anything else could smuggle CSS into the style attribute.
fn is_hex_colour(v: &str) -> bool {
    v.strip_prefix('#').is_some_and(|h| (h.len() == 3 || h.len() == 6) && h.chars().all(|c| c.is_ascii_hexdigit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_a_web_team_writes() {
        let s = Settings::from_pairs([
            ("ruleset", "ombudsman-2021"),
            ("lang", "en"),
            ("units", "Disdukcapil | RSUD Bangli;;Puskesmas Kintamani"),
            ("compact", "1"),
            ("accent", "#7a1f5c"),
            ("instance", "kalkulator-2"),
        ]);
        assert_eq!(s.ruleset.as_deref(), Some("ombudsman-2021"));
        assert_eq!(s.lang.as_deref(), Some("en"));
        assert_eq!(s.units, ["Disdukcapil", "RSUD Bangli", "Puskesmas Kintamani"]);
        assert!(s.compact);
        assert_eq!(s.style, "--rapor-accent: #7a1f5c; ");
        assert_eq!(s.instance.as_deref(), Some("kalkulator-2"));
    }

    #[test]
    fn a_taken_name_and_a_widget_without_links_are_read() {
        let s = Settings::from_pairs([("instance", "kalkulator-2"), ("taken", "kalkulator"), ("links", "no")]);
        assert_eq!((s.taken.as_deref(), s.no_links), (Some("kalkulator"), true));
        assert!(Settings::from_pairs([("lang", "en"), ("lang_wins", "1")]).lang_wins);
        let s = Settings::from_pairs([("taken", "a b"), ("links", "yes")]);
        assert_eq!((s.taken, s.no_links), (None, false));
    }

    #[test]
    fn refuses_what_could_harm_the_page() {
        let s = Settings::from_pairs([
            ("accent", "red; background: url(x)"),
            ("text", "#12345g"),
            ("lang", "fr"),
            ("ruleset", "../../etc"),
            ("instance", "a b"),
            ("compact", "no"),
            ("unknown", "1"),
        ]);
        assert_eq!(s, Settings::default());
    }
}
