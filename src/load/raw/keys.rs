//! One declaration per table gives both its typed struct (for the schema) and the struct of
//! its keys the loader reads (`table!`); a table the schema splits into kinds declares its
//! keys alone (`keys!`). A key's name is its field's name: written once, checked by the
//! compiler wherever the loader reads it.

use toml::Spanned;
use toml::de::DeValue;

/// A value as the spanned document holds it.
pub type Val<'i> = Spanned<DeValue<'i>>;

/// One key of a table: its name, and its value where the file gives it.
#[derive(Debug, Clone, Copy)]
pub struct Key<'t, 'i> {
    pub name: &'static str,
    pub val: Option<&'t Val<'i>>,
}

impl<'t, 'i> Key<'t, 'i> {
    /// The key with its value, when the file gives it.
    pub fn given(self) -> Option<Given<'t, 'i>> {
        self.val.map(|val| Given {
            name: self.name,
            val,
        })
    }
}

/// A key the file gives: its name and its value.
#[derive(Debug, Clone, Copy)]
pub struct Given<'t, 'i> {
    pub name: &'static str,
    pub val: &'t Val<'i>,
}

/// The keys of one table, filled from a table of the document.
pub trait Keys<'t, 'i>: Sized {
    /// The key names, in the order the table declares them.
    const NAMES: &'static [&'static str];
    /// Every key, none given.
    fn none() -> Self;
    /// Takes the value of `key`; false for a key the table does not have.
    fn set(&mut self, key: &str, val: &'t Val<'i>) -> bool;
}

/// The key struct `$keys` of a table with the keys `$key`.
macro_rules! keys {
    ($(#[$m:meta])* pub struct $keys:ident { $($key:ident),* $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy)]
        pub struct $keys<'t, 'i> {
            $(pub $key: $crate::load::raw::keys::Key<'t, 'i>,)*
        }

        impl<'t, 'i> $crate::load::raw::keys::Keys<'t, 'i> for $keys<'t, 'i> {
            const NAMES: &'static [&'static str] = &[$(stringify!($key)),*];

            fn none() -> Self {
                Self {
                    $($key: $crate::load::raw::keys::Key { name: stringify!($key), val: None },)*
                }
            }

            fn set(&mut self, key: &str, val: &'t $crate::load::raw::keys::Val<'i>) -> bool {
                match key {
                    $(stringify!($key) => self.$key.val = Some(val),)*
                    _ => return false,
                }
                true
            }
        }
    };
}

/// A table's typed struct `$name` (deserialized and described in the schema) and its key
/// struct `$keys` (read by the loader), from one list of fields.
macro_rules! table {
    (
        $(#[$m:meta])*
        pub struct $name:ident => $keys:ident {
            $($(#[$fm:meta])* pub $key:ident: $ty:ty,)*
        }
    ) => {
        $(#[$m])*
        pub struct $name {
            $($(#[$fm])* pub $key: $ty,)*
        }

        keys! {
            #[doc = concat!("The keys of [`", stringify!($name), "`] as the loader reads them.")]
            pub struct $keys { $($key),* }
        }
    };
}
