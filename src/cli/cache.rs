//! The compile cache on the command line: `--no-cache`, and where the cache lives.

use seccompose::compile::Cache;

/// Whether to use the compile cache.
#[derive(clap::Args, Debug, Clone, Default)]
pub struct CacheArgs {
    /// Compile the profile even when the cache holds its filter (the cache is in the user's
    /// cache folder: `seccompose doctor` says where).
    #[arg(long)]
    pub no_cache: bool,
}

impl CacheArgs {
    /// The user's cache, unless turned off.
    pub fn cache(&self) -> Option<Cache> {
        if self.no_cache {
            None
        } else {
            user_cache()
        }
    }
}

/// The user's compile cache: `$XDG_CACHE_HOME/seccompose` (None without a home folder).
pub fn user_cache() -> Option<Cache> {
    directories::ProjectDirs::from("", "", "seccompose").map(|p| Cache::at(p.cache_dir()))
}
