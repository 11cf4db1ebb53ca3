//! The writing of outputs `list`, `status` and `log` share: text or a workbook, to standard
//! output or `--output FILE`.

use std::io::Write;
use std::path::Path;

use anyhow::{Context as _, Result, bail};

use super::Ctx;
use crate::view;
use crate::view::messages::Words;

/// What a command writes: text, or the bytes of a workbook.
pub enum Output {
    Text(String),
    Bytes(Vec<u8>),
}

impl Output {
    /// Plain CSV as the spreadsheet format asked for: xlsx (a sheet named `sheet`) or the
    /// Excel CSV; any other format's text as it is.
    pub fn sheet(
        csv: String,
        xlsx: bool,
        excel_csv: bool,
        sheet: &str,
        lang: crate::view::i18n::Lang,
    ) -> Result<Output> {
        Ok(if xlsx {
            Output::Bytes(view::xlsx::xlsx_from_csv(&csv, sheet, lang)?)
        } else if excel_csv {
            Output::Text(view::xlsx::excel_csv(&csv, lang)?)
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
        (None, Output::Bytes(_)) if ctx.stdout_tty => {
            bail!(crate::view::messages::CmdMsg::XlsxToTerminal.say(ctx.lang))
        }
        (None, o) => ctx.out.write_all(o.bytes())?,
    }
    Ok(())
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
