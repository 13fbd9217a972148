//! The `paperboy` binary: parse arguments, set up logging, dispatch to a
//! command, print the error chain and choose the exit code (0 ok, 1
//! problems found, 2 usage or fatal error).

use clap::Parser;
use paperboy::cli::{Cli, Command};
use std::process::ExitCode;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    // No transparent huge pages: each is zeroed whole (2 MB) when first
    // touched, and a rebuild that changed little spent most of its time
    // there, with twice the memory. The allocator is built not to ask for
    // them (mimalloc's `no_thp`); this covers systems that give them
    // unasked (`/sys/kernel/mm/transparent_hugepage/enabled` = always).
    #[cfg(target_os = "linux")]
    let _ = rustix::thread::disable_transparent_huge_pages(true);
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    init_logging(cli.global.quiet, cli.global.verbose);
    let root = &cli.global.root;
    // Ok(false): the command ran and found problems (exit status 1).
    let result = match &cli.command {
        Command::Build { output, force } => {
            paperboy::cmd::build::run(root, output.as_deref(), *force).map(|()| true)
        }
        Command::Check { output } => paperboy::cmd::check::run(root, output.as_deref()),
        Command::Fetch {
            edition,
            section,
            limit,
            dry_run,
        } => {
            let opts = paperboy::fetch::run::Options {
                edition: edition.clone(),
                section: section.clone(),
                limit: *limit,
                dry_run: *dry_run,
            };
            paperboy::cmd::fetch::run(root, &opts)
        }
        Command::Ingest {
            inputs,
            edition,
            section,
            url,
            force,
        } => {
            let opts = paperboy::cmd::ingest::Options {
                inputs,
                edition: edition.as_deref(),
                section: section.as_deref(),
                page_url: url.as_deref(),
                force: *force,
            };
            paperboy::cmd::ingest::run(root, &opts)
        }
        Command::Extract { input, url, format } => {
            paperboy::cmd::extract::run(root, input, url.as_deref(), *format).map(|()| true)
        }
        Command::Serve { port, output } => {
            paperboy::cmd::serve::run(root, output.as_deref(), *port).map(|()| true)
        }
        Command::Images => paperboy::cmd::images::run(root),
        Command::Epub {
            date,
            edition,
            output,
        } => paperboy::cmd::epub::run(root, date.as_deref(), edition.as_deref(), output.as_deref())
            .map(|()| true),
        Command::Bundle {
            edition,
            format,
            split,
            output,
        } => {
            let opts = paperboy::cmd::bundle::Options {
                edition: edition.as_deref(),
                format: *format,
                split_kb: *split,
                output: output.as_deref(),
            };
            paperboy::cmd::bundle::run(root, &opts).map(|_| true)
        }
        Command::Theme(paperboy::cli::ThemeCommand::List) => {
            paperboy::cmd::theme::list(root).map(|()| true)
        }
        Command::Theme(paperboy::cli::ThemeCommand::Eject { name, to }) => {
            paperboy::cmd::theme::eject(root, name.as_deref(), to.as_deref()).map(|()| true)
        }
        Command::New { dir, editions } => paperboy::cmd::new::run(dir, *editions).map(|()| true),
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(e) => {
            if is_broken_pipe(&e) {
                return ExitCode::SUCCESS;
            }
            eprintln!("error: {e}");
            for cause in e.chain().skip(1) {
                eprintln!("  caused by: {cause}");
            }
            ExitCode::from(2)
        }
    }
}

fn init_logging(quiet: bool, verbose: u8) {
    let level = match (quiet, verbose) {
        (true, _) => "error",
        (false, 0) => "info",
        (false, 1) => "debug",
        (false, _) => "trace",
    };
    let filter = format!("warn,paperboy={level}");
    env_logger::Builder::from_env(env_logger::Env::default().default_filter_or(filter))
        .format_timestamp(None)
        .format_target(false)
        .init();
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
