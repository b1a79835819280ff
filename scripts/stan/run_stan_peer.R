#!/usr/bin/env Rscript
# The Stan peer of the side-by-side comparison: rstan's NUTS with its defaults (diag_e metric,
# adapt_delta 0.8, max_treedepth 10, random inits in (-2, 2)) on the notebook's two workloads,
# reading the data files shipped inside meads.
#
#   Rscript scripts/stan/run_stan_peer.R compile MODEL_DIR OUT_DIR
#       compiles both models into MODEL_DIR/<model>-<md5 of the .stan file>.rds unless they are
#       there already, and writes OUT_DIR/stan_compile.csv (seconds, or 0 when cached)
#   Rscript scripts/stan/run_stan_peer.R sample MODEL_DIR OUT_DIR MODEL SEED [CHAINS WARMUP DRAWS CORES]
#       MODEL is irt or radon; defaults 4 chains x (1000 warmup + 1000 draws) on 2 cores;
#       writes OUT_DIR/stan_MODEL_seedSEED.csv (metric,value) and ..._summary.csv
#
# Metrics (one run): chain-seconds = warmup + sampling seconds of get_elapsed_time(), summed over
# chains; min bulk ESS and max R-hat from rstan::monitor on the post-warmup draws, lp__ left
# out; gradient evaluations = sum of n_leapfrog__ over all iterations, warmup included.

args <- commandArgs(trailingOnly = TRUE)
usage <- paste("usage: run_stan_peer.R compile MODEL_DIR OUT_DIR",
               "| sample MODEL_DIR OUT_DIR irt|radon SEED [CHAINS WARMUP DRAWS CORES]")
# --help and fail() as the other scripts have them
source(file.path(dirname(sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE)[1])), "script_cli.R"))
fail <- script_fail("run_stan_peer.R")
script_help_if_asked(args)
# Every argument is checked before a folder is created.
if (length(args) < 3) fail(usage)
mode <- args[1]
if (!mode %in% c("compile", "sample")) fail("unknown mode '", mode, "': expected compile or sample\n", usage)
if (mode == "compile" && length(args) != 3) fail(usage)
if (mode == "sample") {
  if (length(args) < 5 || length(args) > 9) fail(usage)
  if (!args[4] %in% c("irt", "radon")) fail("unknown model '", args[4], "': expected irt or radon")
  names_5_9 <- c("SEED", "CHAINS", "WARMUP", "DRAWS", "CORES")
  for (i in 5:length(args)) {
    value <- suppressWarnings(as.numeric(args[i]))
    if (!grepl("^[0-9]+$", args[i]) || value > .Machine$integer.max || (i > 5 && value < 1))
      fail(names_5_9[i - 4], " must be a ", if (i == 5) "whole" else "positive whole", " number, got '", args[i], "'")
  }
}

suppressPackageStartupMessages(library(rstan))

script_dir <- dirname(normalizePath(script_file()))
repo_root <- normalizePath(file.path(script_dir, "..", ".."))
data_dir <- file.path(repo_root, "models", "src", "main", "resources", "dev", "meads", "models", "data")

# Debian's r-cran-bh ships no headers of its own (it relies on libboost-dev), so rstan's
# boost_lib option points nowhere and stan_model() refuses to compile. Use the system Boost then.
boost_dir <- rstan_options("boost_lib")
if (is.null(boost_dir) || !nzchar(boost_dir) || !dir.exists(file.path(boost_dir, "boost"))) {
  if (dir.exists("/usr/include/boost")) rstan_options(boost_lib = "/usr/include")
}

model_file <- function(model) {
  switch(model,
         irt = file.path(script_dir, "irt_2pl.stan"),
         radon = file.path(script_dir, "radon_centred.stan"),
         stop("unknown model '", model, "': expected irt or radon", call. = FALSE))
}

# A compiled model is cached under the checksum of its source, so an edited .stan file recompiles.
compiled_path <- function(model_dir, model) {
  file.path(model_dir, sprintf("%s-%s.rds", model, unname(tools::md5sum(model_file(model)))))
}

load_data <- function(model) {
  if (model == "irt") {
    path <- file.path(data_dir, "notebook_irt_responses.csv")
    y <- as.matrix(read.csv(path, header = FALSE))
    dimnames(y) <- NULL
    storage.mode(y) <- "integer"
    if (!all(y %in% c(0L, 1L))) stop(path, ": responses must be 0 or 1", call. = FALSE)
    list(N = nrow(y), J = ncol(y), y = y)
  } else {
    path <- file.path(data_dir, "notebook_radon.csv")
    d <- read.csv(path)
    needed <- c("county", "floor", "log_radon")
    missing <- setdiff(needed, names(d))
    if (length(missing) > 0) stop(path, ": missing columns ", paste(missing, collapse = ", "), call. = FALSE)
    list(N = nrow(d), C = max(d$county), county = as.integer(d$county),
         floor_ind = as.numeric(d$floor), y = as.numeric(d$log_radon))
  }
}

write_metrics <- function(values, path) {
  out <- data.frame(metric = names(values),
                    value = vapply(values, function(v) format(v, digits = 10), ""),
                    stringsAsFactors = FALSE)
  write.csv(out, path, row.names = FALSE, quote = FALSE)
}

model_dir <- args[2]
out_dir <- args[3]
dir.create(model_dir, recursive = TRUE, showWarnings = FALSE)
dir.create(out_dir, recursive = TRUE, showWarnings = FALSE)

if (mode == "compile") {
  compile_s <- c(irt = 0, radon = 0)
  for (model in names(compile_s)) {
    rds <- compiled_path(model_dir, model)
    if (file.exists(rds)) {
      cat(sprintf("%s: compiled model cached in %s\n", model, rds))
      next
    }
    t0 <- proc.time()[["elapsed"]]
    sm <- stan_model(file = model_file(model), model_name = model)
    compile_s[[model]] <- proc.time()[["elapsed"]] - t0
    # written under another name first, so that an interrupted save leaves no broken cache entry
    tmp <- paste0(rds, ".part", Sys.getpid())
    saveRDS(sm, tmp)
    if (!file.rename(tmp, rds)) stop("cannot rename ", tmp, " to ", rds, call. = FALSE)
    cat(sprintf("%s: compiled in %.1f s\n", model, compile_s[[model]]))
  }
  write_metrics(list(compile_s_irt = compile_s[["irt"]], compile_s_radon = compile_s[["radon"]]),
                file.path(out_dir, "stan_compile.csv"))
  quit(save = "no", status = 0)
}

model <- args[4]
seed <- as.integer(args[5])
opt <- function(i, default) if (length(args) >= i) as.integer(args[i]) else default
chains <- opt(6, 4L)
warmup <- opt(7, 1000L)
draws <- opt(8, 1000L)
cores <- opt(9, 2L)

rds <- compiled_path(model_dir, model)
sm <- if (file.exists(rds)) readRDS(rds) else stan_model(file = model_file(model), model_name = model)
data <- load_data(model)

t0 <- proc.time()[["elapsed"]]
fit <- sampling(sm, data = data, chains = chains, iter = warmup + draws, warmup = warmup,
                seed = seed, cores = cores, refresh = 0)
wall_s <- proc.time()[["elapsed"]] - t0

elapsed <- get_elapsed_time(fit)                      # chains x (warmup, sample), seconds
draws_array <- as.array(fit)                          # post-warmup: iterations x chains x names
params <- setdiff(dimnames(draws_array)[[3]], "lp__")
mon <- as.data.frame(monitor(draws_array[, , params, drop = FALSE], warmup = 0,
                               probs = c(0.05, 0.5, 0.95), print = FALSE))
sampler <- get_sampler_params(fit, inc_warmup = TRUE)
leapfrog <- sapply(sampler, function(s) sum(s[, "n_leapfrog__"]))
leapfrog_sampling <- sapply(sampler, function(s) sum(s[-seq_len(warmup), "n_leapfrog__"]))
divergent <- sum(sapply(sampler, function(s) sum(s[-seq_len(warmup), "divergent__"])))
treedepth <- mean(sapply(sampler, function(s) s[-seq_len(warmup), "treedepth__"]))

chain_s <- sum(elapsed)
min_ess <- min(mon$Bulk_ESS)
metrics <- list(
  model = model, seed = seed, chains = chains, warmup = warmup, draws = draws, cores = cores,
  parameters = length(params),
  warmup_chain_s = sum(elapsed[, "warmup"]),
  sampling_chain_s = sum(elapsed[, "sample"]),
  chain_s = chain_s,
  longest_chain_s = max(rowSums(elapsed)),
  wall_s_sampling_call = wall_s,
  min_ess_bulk = min_ess,
  min_ess_bulk_parameter = rownames(mon)[which.min(mon$Bulk_ESS)],
  median_ess_bulk = median(mon$Bulk_ESS),
  min_ess_tail = min(mon$Tail_ESS),
  max_rhat = max(mon$Rhat),
  max_rhat_parameter = rownames(mon)[which.max(mon$Rhat)],
  min_ess_bulk_per_chain_s = min_ess / chain_s,
  gradient_evaluations = sum(leapfrog),
  gradient_evaluations_sampling = sum(leapfrog_sampling),
  divergences = divergent,
  mean_treedepth = treedepth)
prefix <- file.path(out_dir, sprintf("stan_%s_seed%d", model, seed))
write_metrics(metrics, paste0(prefix, ".csv"))
summary_out <- data.frame(name = rownames(mon), mon[, c("mean", "sd", "se_mean", "5%", "50%", "95%",
                                                       "Bulk_ESS", "Tail_ESS", "Rhat")],
                          check.names = FALSE)
write.csv(summary_out, paste0(prefix, "_summary.csv"), row.names = FALSE)
cat(sprintf("stan %s seed %d: %.2f chain-s (%.2f warmup + %.2f sampling), wall %.1f s, min bulk ESS %.0f (%s), max R-hat %.4f, %d gradients, %.1f ESS/chain-s\n",
            model, seed, chain_s, metrics$warmup_chain_s, metrics$sampling_chain_s, wall_s,
            min_ess, metrics$min_ess_bulk_parameter, metrics$max_rhat,
            as.integer(metrics$gradient_evaluations), metrics$min_ess_bulk_per_chain_s))
