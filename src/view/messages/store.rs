//! The store's messages: finding the folder, the lock, and a write refused before anything
//! was written. The store has no language; it returns these, and the error printer says
//! them in the reader's ([`StoreMsg::say`]). One exhaustive match per language.

use super::Words;

/// A message of the store, with what it names (paths already safe to print).
#[derive(Debug, Clone, PartialEq)]
pub enum StoreMsg {
    /// `--dir`/`PLEDGE_DIR` names no folder.
    NoSuchFolder(String),
    /// No `pledges/` in the current directory or above it.
    NoPledgesFolder(String),
    /// A path of `validate` that is not there.
    NoSuchPath(String),
    /// Another process holds the lock (its file, how long it was waited for).
    LockHeld {
        file: String,
        secs: f64,
    },
    /// The new version of a file would be larger than pledge reads.
    TooLarge {
        file: String,
        mb: f64,
        max_mib: u64,
    },
    NotRegularFile(String),
    MayNotWrite(String),
    AlreadyExists(String),
}

impl Words for StoreMsg {
    type Text = String;

    fn en(&self) -> String {
        use StoreMsg::*;
        match self {
            NoSuchFolder(d) => {
                format!("the pledges folder {d} does not exist (from --dir or PLEDGE_DIR)")
            }
            NoPledgesFolder(cwd) => format!(
                "no pledges/ folder here or in any parent of {cwd}; pass --dir DIR or set \
                 PLEDGE_DIR"
            ),
            NoSuchPath(p) => format!("{p}: no such file or folder"),
            LockHeld { file, secs } => format!(
                "another pledge process has held {file} for {secs:.0} s; try again, or find the \
                 process that holds it (fuser {file})"
            ),
            TooLarge { file, mb, max_mib } => format!(
                "the new version of {file} would be {mb:.1} MB, over the {max_mib} MiB that \
                 pledge reads; the file is unchanged (start a new file for the next period, or \
                 move old entries out)"
            ),
            NotRegularFile(f) => format!("{f} is not a regular file; nothing was written"),
            MayNotWrite(f) => format!(
                "you may not write {f} (it is read-only, or another user's), so pledge leaves it \
                 unchanged; make it writable (chmod u+w) if the change is wanted"
            ),
            AlreadyExists(f) => format!("{f} already exists; nothing was written"),
        }
    }

    fn sv(&self) -> String {
        use StoreMsg::*;
        match self {
            NoSuchFolder(d) => {
                format!("löftesmappen {d} finns inte (från --dir eller PLEDGE_DIR)")
            }
            NoPledgesFolder(cwd) => format!(
                "ingen mapp pledges/ här eller ovanför {cwd}; ange --dir MAPP eller sätt \
                 PLEDGE_DIR"
            ),
            NoSuchPath(p) => format!("{p}: ingen sådan fil eller mapp"),
            LockHeld { file, secs } => format!(
                "en annan pledge-process har hållit {file} i {secs:.0} s; försök igen, eller leta \
                 upp processen som håller den (fuser {file})"
            ),
            TooLarge { file, mb, max_mib } => format!(
                "den nya versionen av {file} skulle bli {mb:.1} MB, mer än de {max_mib} MiB som \
                 pledge läser; filen är oförändrad (börja en ny fil för nästa period, eller flytta \
                 ut gamla poster)"
            ),
            NotRegularFile(f) => format!("{f} är ingen vanlig fil; inget skrevs"),
            MayNotWrite(f) => format!(
                "du får inte skriva i {f} (den är skrivskyddad eller en annan användares), så \
                 pledge lämnar den orörd; gör den skrivbar (chmod u+w) om ändringen ska göras"
            ),
            AlreadyExists(f) => format!("{f} finns redan; inget skrevs"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::messages::each_reads_differently;

    #[test]
    fn every_message_reads_differently_in_each_language() {
        use StoreMsg::*;
        let f = || "a.toml".to_string();
        let all = [
            NoSuchFolder(f()),
            NoPledgesFolder(f()),
            NoSuchPath(f()),
            LockHeld {
                file: f(),
                secs: 30.0,
            },
            TooLarge {
                file: f(),
                mb: 17.0,
                max_mib: 16,
            },
            NotRegularFile(f()),
            MayNotWrite(f()),
            AlreadyExists(f()),
        ];
        // Exhaustive: a new message fails to compile here until it is numbered and listed.
        each_reads_differently(&all, 8, |m| match m {
            NoSuchFolder(_) => 0,
            NoPledgesFolder(_) => 1,
            NoSuchPath(_) => 2,
            LockHeld { .. } => 3,
            TooLarge { .. } => 4,
            NotRegularFile(_) => 5,
            MayNotWrite(_) => 6,
            AlreadyExists(_) => 7,
        });
    }
}
