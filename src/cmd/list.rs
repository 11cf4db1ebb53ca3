//! `list`: one row per löfte. Also the writing of outputs `list`, `status` and `log` share:
//! text or a workbook, to standard output or `--output FILE`.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result, bail};

use super::{Ctx, Workspace, resolve_kommun};
use crate::cli::{ListArgs, ListFormat};
use crate::rules::choose;
use crate::view;

/// What a command writes: text, or the bytes of a workbook.
pub enum Output {
    Text(String),
    Bytes(Vec<u8>),
}

impl Output {
    /// Plain CSV as the spreadsheet format asked for: xlsx (a sheet named `sheet`) or the
    /// Excel CSV; any other format's text as it is.
    pub fn sheet(csv: String, xlsx: bool, excel_csv: bool, sheet: &str) -> Result<Output> {
        Ok(if xlsx {
            Output::Bytes(view::xlsx::xlsx_from_csv(&csv, sheet)?)
        } else if excel_csv {
            Output::Text(view::xlsx::excel_csv(&csv)?)
        } else {
            Output::Text(csv)
        })
    }

    fn bytes(&self) -> &[u8] {
        match self {
            Output::Text(t) => t.as_bytes(),
            Output::Bytes(b) => b,
        }
    }
}

/// Writes `out` to `file` (relative to the working folder) or to standard output; a
/// workbook is never written to a terminal.
pub fn emit(ctx: &mut Ctx, out: &Output, file: Option<&Path>) -> Result<()> {
    match (file, out) {
        (Some(f), o) => {
            let path = ctx.cwd.join(f);
            std::fs::write(&path, o.bytes())
                .with_context(|| format!("cannot write {}", f.display()))?;
        }
        (None, Output::Bytes(_)) if ctx.stdout_tty => bail!(
            "an xlsx workbook is binary and is not written to a terminal: give --output FILE \
             (or redirect standard output to a file)"
        ),
        (None, o) => ctx.out.write_all(o.bytes())?,
    }
    Ok(())
}

pub fn list(dir: Option<PathBuf>, a: ListArgs, ctx: &mut Ctx) -> Result<u8> {
    let of = super::workspace::needles(a.kommun.as_slice());
    let ws = Workspace::open_of(dir, ctx.read_cutoff(), of.as_deref(), |mut f| {
        if let Some(p) = &mut f.loaded.pledge {
            p.forget_records();
        }
        Some(f)
    })?;
    let active_on = a.active_on.map(|d| ctx.date(d));
    // `--as-of` is the context's today.
    let on = active_on.unwrap_or(ctx.today);
    let filter = a
        .kommun
        .as_deref()
        .map(|k| resolve_kommun(k, &ws))
        .transpose()?;
    let rows = choose::list_pledges(ws.pledges(), filter, active_on);
    let out = match a.format {
        ListFormat::Json => Output::Text(format!("{}\n", view::json::list(&rows, on))),
        ListFormat::Table => Output::Text(view::table::list_table(&rows, on, ctx.lang, ctx.width)),
        f => Output::sheet(
            view::csv::list_csv(&rows, on),
            f == ListFormat::Xlsx,
            f == ListFormat::ExcelCsv,
            "Löften",
        )?,
    };
    emit(ctx, &out, a.output.as_deref())?;
    ws.exit_code(&mut ctx.err)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_workbook_is_not_written_to_a_terminal_but_text_is() {
        let mut ctx = Ctx::for_test("2017-01-01".parse().unwrap());
        ctx.stdout_tty = true;
        let err = emit(&mut ctx, &Output::Bytes(b"PK".to_vec()), None).unwrap_err();
        assert!(err.to_string().contains("--output FILE"), "{err}");
        emit(&mut ctx, &Output::Text("ok\n".into()), None).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("s.xlsx");
        emit(&mut ctx, &Output::Bytes(b"PK".to_vec()), Some(&file)).unwrap();
        assert_eq!(std::fs::read(&file).unwrap(), b"PK");
    }
}
