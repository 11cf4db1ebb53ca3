//! The writes of `measure --fetch` and `--from-csv`: one indicator's new values appended to
//! its löfte's file (or shown, on a dry run), decided again under the lock; what a run did,
//! and its exit code.

use std::io::Write;

use anyhow::{Result, bail};

use super::Target;
use crate::cli::MeasureArgs;
use crate::cmd::Ctx;
use crate::cmd::Workspace;
use crate::edit::entry;
use crate::edit::fetch::{Provenance, Step, plan};
use crate::model::outcome::Measurement;
use crate::model::series::Published;
use crate::store::{self, SourceFile};
use crate::text::safe;
use crate::view::Label;
use crate::view::messages::{ImportMsg, Msg, Words};

/// What a run did, for the exit code and the last line.
#[derive(Default)]
pub(super) struct Tally {
    pub written: usize,
    pub present: usize,
    /// Changed values reported and not written (no --update).
    pub held_back: usize,
    pub failed: usize,
}

/// The last line and the exit code: 1 when an indicator could not be read or a changed
/// value was left unwritten.
pub(super) fn finish(tally: &Tally, a: &MeasureArgs, ctx: &mut Ctx) -> Result<u8> {
    if !ctx.quiet {
        let written = ImportMsg::Written {
            n: tally.written,
            dry_run: *a.dry_run,
        };
        let mut parts = vec![written.say(ctx.lang)];
        for (n, m) in [
            (tally.present, ImportMsg::AlreadyInFiles(tally.present)),
            (tally.held_back, ImportMsg::HeldBack(tally.held_back)),
            (tally.failed, ImportMsg::CouldNotRead(tally.failed)),
        ] {
            if n > 0 {
                parts.push(m.say(ctx.lang));
            }
        }
        writeln!(ctx.err, "{}", parts.join("; "))?;
    }
    Ok(u8::from(tally.failed > 0 || tally.held_back > 0))
}

/// The entries a plan writes: the new values, and with `--update` the corrections.
fn to_write(steps: &[Step], update: bool) -> Vec<Measurement> {
    steps
        .iter()
        .filter_map(|s| match s {
            Step::Add(m) => Some(m.clone()),
            Step::Changed { new, .. } if update => Some(new.clone()),
            _ => None,
        })
        .collect()
}

/// Appends one indicator's new values to its löfte's file (or shows them, on a dry run),
/// deciding again under the lock from the file as it is then.
pub(super) fn write_target(
    ws: &Workspace,
    t: &Target<'_>,
    published: &[Published],
    prov: &Provenance<'_>,
    a: &MeasureArgs,
    ctx: &mut Ctx,
    tally: &mut Tally,
) -> Result<()> {
    let file = ws.file_of(t.pledge);
    let steps = plan(&t.ind.id, &t.pledge.measurements, published, prov);
    // A value the indicator's own rules refuse (a percentage over 100) is not written.
    let new = to_write(&steps, a.update);
    let refused =
        crate::load::problems::check_measurements(&new, &t.pledge.indicators, ctx.read_cutoff());
    if let Some(p) = refused.first() {
        tally.failed += 1;
        let lang = ctx.lang;
        let why = crate::load::says::Says::Outcome(p.kind.clone()).say(lang);
        let why = ImportMsg::DoesNotFit {
            source: prov.source,
            why: &why,
        }
        .say(lang);
        let line = ImportMsg::IndicatorFailed {
            error: &Msg::Error.say(lang),
            file: &file.display,
            indicator: &t.ind.id,
            why: &why,
        };
        writeln!(ctx.err, "{}", line.say(lang))?;
        return Ok(());
    }
    if !a.update {
        report_changes(&steps, file, t, prov, ctx, tally)?;
    }
    tally.present += steps
        .iter()
        .filter(|s| matches!(s, Step::Present { .. }))
        .count();
    if new.is_empty() {
        return Ok(());
    }
    if *a.dry_run {
        tally.written += new.len();
        write!(
            ctx.out,
            "{}",
            entry::measurements_addition(&file.text, &new)
        )?;
        if !ctx.quiet {
            writeln!(
                ctx.err,
                "({} {})",
                ctx.lang.t(Label::DryRunNothingWritten),
                file.display
            )?;
        }
        return Ok(());
    }
    let written = append(ws, file, t, published, prov, a.update, ctx)?;
    tally.written += written.len();
    Ok(())
}

/// Without `--update`: each value the service now publishes differently from the file, said
/// and held back.
fn report_changes(
    steps: &[Step],
    file: &SourceFile,
    t: &Target<'_>,
    prov: &Provenance<'_>,
    ctx: &mut Ctx,
    tally: &mut Tally,
) -> Result<()> {
    for s in steps {
        if let Step::Changed {
            year,
            old,
            old_preliminary,
            new,
        } = s
        {
            tally.held_back += 1;
            let changed = ImportMsg::Changed {
                file: &file.display,
                indicator: &t.ind.id,
                year: *year,
                source: prov.source,
                new: &entry::toml_float(new.value),
                new_preliminary: new.preliminary,
                old: &entry::toml_float(*old),
                old_preliminary: *old_preliminary,
            };
            writeln!(ctx.out, "{}", changed.say(ctx.lang))?;
        }
    }
    Ok(())
}

/// The locked append: the plan made again from the file as it is under the lock, checked to
/// read back as written; the entries written, shown unless quiet.
fn append(
    ws: &Workspace,
    file: &SourceFile,
    t: &Target<'_>,
    published: &[Published],
    prov: &Provenance<'_>,
    update: bool,
    ctx: &mut Ctx,
) -> Result<Vec<Measurement>> {
    let lang = ctx.lang;
    let written = store::edit(
        &file.path,
        ctx.under(Some(&ws.dir)),
        ctx.read_cutoff(),
        file,
        &ws.temporaries,
        |fresh| {
            let now = crate::cmd::loaded_now(fresh, lang)?;
            let again = to_write(&plan(&t.ind.id, &now.measurements, published, prov), update);
            let addition = entry::measurements_addition(&fresh.text, &again);
            if !again.is_empty()
                && entry::read_back_measurements(&addition).as_ref() != Some(&again)
            {
                bail!(
                    "internal error: the new entries do not read back as written; {} is unchanged",
                    fresh.display
                );
            }
            let new_text = format!("{}{addition}", fresh.text);
            Ok((store::with_bom(fresh.bom, &new_text), again))
        },
    )?;
    if !ctx.quiet && !written.is_empty() {
        writeln!(
            ctx.out,
            "{} {}:",
            ctx.lang.t(Label::RecordedIn),
            file.display
        )?;
        for m in &written {
            for l in safe(&entry::render_measurement(m, "\n"), true).lines() {
                writeln!(ctx.out, "  {l}")?;
            }
        }
    }
    Ok(written)
}
