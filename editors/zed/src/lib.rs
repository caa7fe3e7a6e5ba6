//! Starts `tonelint lsp` for Zed, from the PATH of the project's shell environment.
use zed_extension_api::{self as zed, LanguageServerId, Result};

struct Tonelint;

impl zed::Extension for Tonelint {
    fn new() -> Self {
        Tonelint
    }

    fn language_server_command(&mut self, _id: &LanguageServerId, worktree: &zed::Worktree) -> Result<zed::Command> {
        let command = worktree
            .which("tonelint")
            .ok_or_else(|| "tonelint is not on the PATH: pip install tonelint (or activate the project's venv)".to_string())?;
        Ok(zed::Command { command, args: vec!["lsp".into()], env: Default::default() })
    }
}

zed::register_extension!(Tonelint);
