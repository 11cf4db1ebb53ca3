//! The language of labels and status words. The löften's own text is never translated; the
//! words themselves live in [`crate::view::messages`].

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Sv,
    En,
}

impl Lang {
    /// From locale settings in order of precedence (`LC_ALL`, `LC_MESSAGES`, `LANG`, then the
    /// system locale): the first that is set and not empty decides; `sv*` gives Swedish,
    /// anything else (or nothing) English. Pure: the caller reads the environment.
    pub fn from_locale<'a>(settings: impl IntoIterator<Item = Option<&'a str>>) -> Lang {
        let pick = settings.into_iter().flatten().find(|v| !v.is_empty());
        match pick {
            Some(v) if v.to_ascii_lowercase().starts_with("sv") => Lang::Sv,
            _ => Lang::En,
        }
    }

    /// The HTML `lang` attribute.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Sv => "sv",
            Lang::En => "en",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_setting_that_is_set_decides() {
        let cases: [([Option<&str>; 3], Lang); 6] = [
            ([None, None, None], Lang::En),
            ([None, None, Some("sv_SE.UTF-8")], Lang::Sv),
            ([Some(""), None, Some("SV_FI")], Lang::Sv),
            ([Some("en_US.UTF-8"), None, Some("sv_SE.UTF-8")], Lang::En),
            ([None, Some("sv"), Some("en_GB")], Lang::Sv),
            ([None, None, Some("C")], Lang::En),
        ];
        for (settings, want) in cases {
            assert_eq!(Lang::from_locale(settings), want, "{settings:?}");
        }
    }
}
