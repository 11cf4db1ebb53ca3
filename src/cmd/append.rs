//! Appending one table to a löfte's file under the folder's lock, as `done`, `measure` and
//! `verdict` do, and the check of their optional texts.

use std::io::Write;
use std::ops::Range;

use anyhow::{Result, bail};

use super::{Ctx, Usage, Workspace};
use crate::model::Pledge;
use crate::store;
use crate::text::safe;
use crate::view::i18n::Lang;
use crate::view::messages::Words;
use crate::view::{Label, RecordMsg};

/// What one command appends: the addition to a file's text, and whether an addition reads
/// back as exactly the entry.
pub(super) struct Append<'a> {
    pub addition: &'a dyn Fn(&str) -> String,
    pub reads_back: &'a dyn Fn(&str) -> bool,
    /// The entry as shown after writing (LF line endings).
    pub shown: String,
}

/// Appends to the löfte's file (or shows the addition, on a dry run), as `done` does: the
/// file is read again under the lock of the folder that really holds it, the addition made
/// to what is there now and checked to read back as the entry. Returns the löfte as it was
/// just before the addition (the chosen one, on a dry run) and the addition's place in the
/// new text.
pub(super) fn append(
    ws: &Workspace,
    chosen: &Pledge,
    a: &Append<'_>,
    dry_run: bool,
    ctx: &mut Ctx,
) -> Result<(Pledge, Range<usize>)> {
    ws.refuse_copies(chosen, ctx.here(), ctx.read_cutoff(), ctx.lang)?;
    let file = ws.file_of(chosen);
    let lang = ctx.lang;
    if dry_run {
        write!(ctx.out, "{}", (a.addition)(&file.text))?;
        if !ctx.quiet {
            writeln!(
                ctx.err,
                "({} {})",
                ctx.lang.t(Label::DryRunNothingWritten),
                file.display
            )?;
        }
        return Ok((chosen.clone(), 0..0));
    }
    let after = store::edit(
        &file.path,
        ctx.under(Some(&ws.dir)),
        ctx.read_cutoff(),
        file,
        &ws.temporaries,
        |fresh| {
            let now = super::loaded_now(fresh, lang)?.clone();
            let addition = (a.addition)(&fresh.text);
            if !(a.reads_back)(&addition) {
                bail!(RecordMsg::NotReadBack(&fresh.display).say(lang));
            }
            let new_text = format!("{}{addition}", fresh.text);
            let span = fresh.text.len()..new_text.len();
            Ok((store::with_bom(fresh.bom, &new_text), (now, span)))
        },
    )?;
    if !ctx.quiet {
        writeln!(
            ctx.out,
            "{} {}:",
            ctx.lang.t(Label::RecordedIn),
            file.display
        )?;
        for l in safe(&a.shown, true).lines() {
            writeln!(ctx.out, "  {l}")?;
        }
    }
    Ok(after)
}

/// Refuses an empty text given for an optional flag (`--by` empty from PLEDGE_USER: said so).
pub(super) fn not_empty(flag: &str, v: Option<&str>, lang: Lang) -> Result<()> {
    if v.is_some_and(crate::load::problems::blank) {
        if flag == "--by" {
            return Err(empty_by(lang));
        }
        return Err(Usage(RecordMsg::FlagEmpty(flag).say(lang)).into());
    }
    Ok(())
}

/// An empty `--by`, or (not typed) an empty PLEDGE_USER, which clap reads into it.
pub(super) fn empty_by(lang: Lang) -> anyhow::Error {
    let typed = std::env::args_os()
        .skip(1)
        .any(|a| a == "--by" || a.to_string_lossy().starts_with("--by="));
    let msg = match typed {
        true => crate::view::Msg::EmptyBy.say(lang),
        false => crate::view::messages::CmdMsg::EmptyUserVar.say(lang),
    };
    Usage(msg).into()
}
