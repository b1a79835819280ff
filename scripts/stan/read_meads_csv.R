#!/usr/bin/env Rscript
# Checks that rstan reads a meads output folder: rstan::read_stan_csv() on its chain_*.csv files,
# then rstan::monitor() on the draws, compared with the folder's summary.csv.
#
#   Rscript scripts/stan/read_meads_csv.R RUN_DIR [RESULT_CSV]
#
# Prints one line per check and writes them to RESULT_CSV (default RUN_DIR/read_stan_csv_check.csv).
# Exits with status 1 if reading fails or a check fails.
# Tolerances: means and R-hat are computed from the same draws by two implementations, so they
# agree to rounding (the CSV files hold 6 significant digits by default, as CmdStan's do, while
# summary.csv comes from the full-precision draws: means may differ by ~1e-6 of a posterior sd), except that R-hat's folded (tail) part can move by ~1e-5 through ties at the
# median; ESS estimates of the two implementations are allowed 1% apart.

args <- commandArgs(trailingOnly = TRUE)
# --help and fail() as the other scripts have them
source(file.path(dirname(sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE)[1])), "script_cli.R"))
fail <- script_fail("read_meads_csv.R")
script_help_if_asked(args)
if (length(args) < 1 || length(args) > 2) fail("usage: read_meads_csv.R RUN_DIR [RESULT_CSV] (--help for more)")
run_dir <- args[1]
if (!dir.exists(run_dir)) fail(run_dir, ": no such folder (expected a meads output folder)")
if (!file.exists(file.path(run_dir, "summary.csv")))
  fail(run_dir, ": no summary.csv (expected a meads output folder)")

suppressPackageStartupMessages(library(rstan))
result_csv <- if (length(args) >= 2) args[2] else file.path(run_dir, "read_stan_csv_check.csv")

files <- list.files(run_dir, pattern = "^chain_[0-9]+\\.csv$", full.names = TRUE)
if (length(files) == 0) stop(run_dir, ": no chain_*.csv files", call. = FALSE)
files <- files[order(as.integer(sub("^chain_([0-9]+)\\.csv$", "\\1", basename(files))))]

checks <- data.frame(check = character(), value = character(), pass = logical(),
                     stringsAsFactors = FALSE)
record <- function(check, value, pass) {
  checks[nrow(checks) + 1, ] <<- list(check, as.character(value), pass)
  cat(sprintf("%-4s %s: %s\n", if (pass) "ok" else "FAIL", check, value))
}

t0 <- proc.time()[["elapsed"]]
fit <- tryCatch(read_stan_csv(files), error = function(e) e)
if (inherits(fit, "error")) {
  record("read_stan_csv", conditionMessage(fit), FALSE)
  write.csv(checks, result_csv, row.names = FALSE)
  quit(save = "no", status = 1)
}
record("read_stan_csv", sprintf("%d chain files read in %.1f s", length(files),
                                proc.time()[["elapsed"]] - t0), TRUE)

draws <- as.array(fit)
params <- setdiff(dimnames(draws)[[3]], "lp__")
record("draws", sprintf("%d iterations x %d chains x %d parameters (+ lp__)",
                        dim(draws)[1], dim(draws)[2], length(params)), TRUE)

elapsed <- tryCatch(get_elapsed_time(fit), error = function(e) NULL, warning = function(w) NULL)
record("get_elapsed_time", if (is.null(elapsed)) "not available" else
         sprintf("%.3f warmup + %.3f sampling chain-seconds", sum(elapsed[, 1]), sum(elapsed[, 2])),
       !is.null(elapsed))

sampler <- get_sampler_params(fit, inc_warmup = FALSE)
has_sampler <- length(sampler) == length(files) && "n_leapfrog__" %in% colnames(sampler[[1]])
record("get_sampler_params", if (has_sampler)
         sprintf("%d gradient evaluations (draws), mean accept_stat %.3f",
                 as.integer(sum(sapply(sampler, function(s) sum(s[, "n_leapfrog__"])))),
                 mean(sapply(sampler, function(s) mean(s[, "accept_stat__"], na.rm = TRUE)))) else "missing",
       has_sampler)

mon <- as.data.frame(monitor(draws[, , params, drop = FALSE], warmup = 0, print = FALSE))
ours <- read.csv(file.path(run_dir, "summary.csv"), stringsAsFactors = FALSE)
common <- intersect(ours$name, rownames(mon))
record("parameter names", sprintf("%d of %d summary.csv names found in rstan's (%s ...)",
                                  length(common), nrow(ours), paste(head(rownames(mon), 3), collapse = ", ")),
       length(common) == nrow(ours) && length(common) == length(params))
if (length(common) > 0) {
  m <- mon[common, ]
  o <- ours[match(common, ours$name), ]
  mean_diff <- max(abs(m$mean - o$mean) / pmax(o$sd, 1e-300))
  record("means", sprintf("max |rstan - meads| = %.2g posterior sd", mean_diff), mean_diff < 1e-5)
  ess_rel <- max(abs(m$Bulk_ESS - o$ess_bulk) / o$ess_bulk)
  record("bulk ESS", sprintf("max relative difference %.2g; min bulk ESS rstan %.0f, meads %.0f",
                             ess_rel, min(m$Bulk_ESS), min(o$ess_bulk)), ess_rel < 0.01)
  tail_rel <- max(abs(m$Tail_ESS - o$ess_tail) / o$ess_tail)
  record("tail ESS", sprintf("max relative difference %.2g", tail_rel), tail_rel < 0.01)
  rhat_diff <- max(abs(m$Rhat - o$rhat))
  record("R-hat", sprintf("max |difference| %.2g; max R-hat rstan %.4f, meads %.4f",
                          rhat_diff, max(m$Rhat), max(o$rhat)), rhat_diff < 1e-4)
}

write.csv(checks, result_csv, row.names = FALSE)
quit(save = "no", status = if (all(checks$pass)) 0 else 1)
