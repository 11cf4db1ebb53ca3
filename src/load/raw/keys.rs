//! One declaration per table gives both its typed struct (for the schema) and the struct of
//! its keys the loader reads (`table!`); a table the schema splits into kinds declares its
//! keys alone (`keys!`). A key's name is its field's name: written once, checked by the
//! compiler wherever the loader reads it.

use std::fmt;
use std::marker::PhantomData;

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

/// The name of a key of the table whose key struct is `T`, for a rule to point at the key
/// (`IndicatorKeys::goal`). Only `keys!` makes one, from the struct's own field, so a
/// misspelt key, or a key of another table, does not compile.
pub struct Name<T> {
    name: &'static str,
    table: PhantomData<fn() -> T>,
}

impl<T> Name<T> {
    /// Made by `keys!` only.
    #[doc(hidden)]
    pub const fn new(name: &'static str) -> Self {
        Name {
            name,
            table: PhantomData,
        }
    }

    /// The key as the file writes it.
    pub fn as_str(self) -> &'static str {
        self.name
    }
}

// By hand: derived, these would ask `T` for the same traits, which a key struct need not have.
impl<T> Clone for Name<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for Name<T> {}
impl<T> PartialEq for Name<T> {
    fn eq(&self, other: &Self) -> bool {
        self.name == other.name
    }
}
impl<T> Eq for Name<T> {}
impl<T> fmt::Debug for Name<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", self.name)
    }
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

/// The key struct `$keys` of a table with the keys `$key`, and each key's [`Name`] as a
/// constant named as the file writes the key (`$keys::$key`).
macro_rules! keys {
    ($(#[$m:meta])* pub struct $keys:ident { $($key:ident),* $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy)]
        pub struct $keys<'t, 'i> {
            $(pub $key: $crate::load::raw::keys::Key<'t, 'i>,)*
        }

        #[allow(non_upper_case_globals)]
        impl $keys<'static, 'static> {
            $(
                #[doc = concat!("The key `", stringify!($key), "`.")]
                pub const $key: $crate::load::raw::keys::Name<Self> =
                    $crate::load::raw::keys::Name::new(stringify!($key));
            )*
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
