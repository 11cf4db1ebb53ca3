//! What every family of the word store is: a type with one exhaustive match per language
//! ([`Words::en`], [`Words::sv`]), said in the reader's language by [`Words::say`]. Written
//! once here, so a family writes only its words; and, for the tests, one check that a
//! family's samples read differently in each language.

use crate::view::i18n::Lang;

/// A family of words in both languages. Each implementation writes `en` and `sv` as one
/// exhaustive `match` on its variants, so the compiler proves every word exists in both.
pub trait Words {
    /// What a word is said as: `String` for a message built from what it names,
    /// `&'static str` for a fixed label.
    type Text;

    /// The words in English (the words pledge has always printed; scripts read them).
    fn en(&self) -> Self::Text;

    /// The words in Swedish.
    fn sv(&self) -> Self::Text;

    /// The words in the language.
    fn say(&self, lang: Lang) -> Self::Text {
        match lang {
            Lang::En => self.en(),
            Lang::Sv => self.sv(),
        }
    }
}

/// The test every family passes: `all` holds a sample of each of its `count` variants (`key`
/// names a variant in an exhaustive match, so a new variant fails to compile there until it
/// is named, and fails here until it has a sample), and each sample reads in both languages,
/// not empty, and differently.
#[cfg(test)]
pub(crate) fn each_reads_differently<W, K>(all: &[W], count: usize, key: impl Fn(&W) -> K)
where
    W: Words + std::fmt::Debug,
    W::Text: AsRef<str>,
    K: Ord + std::fmt::Debug,
{
    each_reads_differently_but(all, count, &[], key);
}

/// [`each_reads_differently`], but the variants keyed in `alike` are the same words in both
/// languages (a name, an address), and the test holds them to that.
#[cfg(test)]
pub(crate) fn each_reads_differently_but<W, K>(
    all: &[W],
    count: usize,
    alike: &[K],
    key: impl Fn(&W) -> K,
) where
    W: Words + std::fmt::Debug,
    W::Text: AsRef<str>,
    K: Ord + std::fmt::Debug,
{
    let seen: std::collections::BTreeSet<K> = all.iter().map(&key).collect();
    assert_eq!(
        seen.len(),
        count,
        "one sample of each of the {count} variants: {seen:?}"
    );
    for w in all {
        let (en, sv) = (w.en(), w.sv());
        let (en, sv) = (en.as_ref(), sv.as_ref());
        assert!(!en.trim().is_empty(), "{w:?} is empty in English");
        assert!(!sv.trim().is_empty(), "{w:?} is empty in Swedish");
        if alike.contains(&key(w)) {
            assert_eq!(en, sv, "{w:?} is said alike in both languages");
        } else {
            assert_ne!(en, sv, "{w:?} is not translated");
        }
    }
}
