#!/usr/bin/env Rscript
# Builds the side-by-side table (markdown) from the raw outputs of scripts/side-by-side.sh:
#   OUT_DIR/stan/stan_<model>_seed<seed>.csv   metric,value files of scripts/stan/run_stan_peer.R
#   OUT_DIR/stan/runs.tsv                      model, seed, process wall/user/sys seconds
#   OUT_DIR/meads/runs.tsv                     model, seed, folder, process wall/user/sys seconds
#   OUT_DIR/meads/<folder>/report.json         meads' own report of each run
#   OUT_DIR/meads-warm/runs.tsv, <folder>/report.json
#                                              runs after compilation (optional; absent before
#                                              2026-11-27 22:00 UTC)
#
#   Rscript scripts/side-by-side-table.R OUT_DIR
#
# Prints the tables and writes them to OUT_DIR/side-by-side.md (scripts/side-by-side.sh puts them
# into OUT_DIR/report.md, with the environment and the read_stan_csv check).
#
# Every figure is a median over the repetitions, with the range in brackets. ESS per second is
# computed per run, then the median is taken. Ratios are ratios of those medians.

suppressPackageStartupMessages(library(jsonlite))

args <- commandArgs(trailingOnly = TRUE)
# --help and fail() as the other scripts have them
source(file.path(dirname(sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE)[1])), "stan", "script_cli.R"))
fail <- script_fail("side-by-side-table.R")
script_help_if_asked(args)
if (length(args) != 1) fail("usage: side-by-side-table.R OUT_DIR (--help for more)")
out_dir <- args[1]
if (!dir.exists(out_dir)) fail(out_dir, ": no such folder (expected an output folder of scripts/side-by-side.sh)")
for (f in file.path(out_dir, c("stan", "meads"), "runs.tsv")) {
  if (!file.exists(f)) fail(f, " is missing (expected an output folder of scripts/side-by-side.sh)")
}

# BlackJAX MEADS + GHMC (JAX 0.10, 2 CPU threads), notebook settings, after compilation, on this
# machine: /work/shared/design/PERFORMANCE.md, table "Peers on the notebook's two workloads".
python <- list(irt = list(seconds = 1.67, ess = 172, rhat = 1.28),
               radon = list(seconds = 0.43, ess = 2478, rhat = 1.024))
targets <- c(stan = 20, python = 5)

read_metrics <- function(path) {
  m <- read.csv(path, stringsAsFactors = FALSE)
  setNames(as.list(m$value), m$metric)
}
num <- function(x) as.numeric(x)

stan_runs <- read.delim(file.path(out_dir, "stan", "runs.tsv"), stringsAsFactors = FALSE)
meads_runs <- read.delim(file.path(out_dir, "meads", "runs.tsv"), stringsAsFactors = FALSE)
for (model in c("irt", "radon")) {
  if (!model %in% stan_runs$model) fail(file.path(out_dir, "stan", "runs.tsv"), ": no finished Stan run of ", model)
  if (!model %in% meads_runs$model) fail(file.path(out_dir, "meads", "runs.tsv"), ": no finished meads run of ", model)
}

stan <- do.call(rbind, lapply(seq_len(nrow(stan_runs)), function(i) {
  r <- stan_runs[i, ]
  m <- read_metrics(file.path(out_dir, "stan", sprintf("stan_%s_seed%d.csv", r$model, r$seed)))
  data.frame(model = r$model, seed = r$seed, chain_s = num(m$chain_s),
             call_wall_s = num(m$wall_s_sampling_call), process_wall_s = r$wall_s,
             process_cpu_s = r$user_s + r$sys_s,
             ess = num(m$min_ess_bulk), rhat = num(m$max_rhat), grads = num(m$gradient_evaluations),
             divergences = num(m$divergences), load = r$load_1min_before)
}))
stages <- list()
meads <- do.call(rbind, lapply(seq_len(nrow(meads_runs)), function(i) {
  r <- meads_runs[i, ]
  rep <- fromJSON(file.path(out_dir, "meads", r$folder, "report.json"), simplifyVector = FALSE)
  if (!isTRUE(rep$completed)) stop(r$folder, ": the run did not complete", call. = FALSE)
  d <- rep$diagnostics
  stage_s <- setNames(vapply(rep$stages, function(st) st$seconds, 0),
                      vapply(rep$stages, function(st) st$name, ""))
  stages[[length(stages) + 1]] <<- data.frame(model = r$model, stage = names(stage_s), seconds = stage_s,
                                              stringsAsFactors = FALSE)
  after <- rep$after_pipeline # absent in reports of meads before 2026-11-27 20:30 UTC
  after_s <- function(name) if (is.null(after[[name]])) NA_real_ else after[[name]]
  data.frame(model = r$model, seed = r$seed, total_s = rep$total_seconds,
             summary_s = after_s("summary_seconds"), plots_s = after_s("plots_seconds"),
             chain_files_s = after_s("chain_files_seconds"), summary_csv_s = after_s("summary_csv_seconds"),
             # summary and chain files side by side; absent before 2026-11-27 21:50 UTC, when
             # the files were written while sampling and then completed before the summary
             both_s = if (is.null(after[["summary_and_chain_files_seconds"]]))
               after_s("summary_seconds") + after_s("chain_files_seconds")
             else after[["summary_and_chain_files_seconds"]],
             threads = rep$configuration$threads, wall_s = r$wall_s, cpu_s = r$user_s + r$sys_s,
             ess = d$min_ess_bulk, rhat = d$max_rhat, grads = rep$total_gradient_evaluations,
             divergences = rep$sampling$divergences, load = r$load_1min_before)
}))

# Runs whose reported pipeline came after others in the same JVM (--set warm-runs=N).
warm_file <- file.path(out_dir, "meads-warm", "runs.tsv")
warm_runs <- if (file.exists(warm_file)) read.delim(warm_file, stringsAsFactors = FALSE) else data.frame()
warm <- if (nrow(warm_runs) == 0) NULL else do.call(rbind, lapply(seq_len(nrow(warm_runs)), function(i) {
  r <- warm_runs[i, ]
  rep <- fromJSON(file.path(out_dir, "meads-warm", r$folder, "report.json"), simplifyVector = FALSE)
  if (!isTRUE(rep$completed)) stop(r$folder, " (after compilation): the run did not complete", call. = FALSE)
  if (is.null(rep$java$pipelines_before) || rep$java$pipelines_before < 1)
    stop(r$folder, " (after compilation): no pipeline ran before it in its JVM", call. = FALSE)
  d <- rep$diagnostics
  data.frame(model = r$model, seed = r$seed, total_s = rep$total_seconds, before = rep$java$pipelines_before,
             ess = d$min_ess_bulk, rhat = d$max_rhat, grads = rep$total_gradient_evaluations)
}))

fmt <- function(x, digits = 3) {
  ifelse(abs(x) >= 100, formatC(x, format = "f", digits = 0, big.mark = ","),
         formatC(x, format = "fg", digits = digits, flag = "#"))
}
spread <- function(x, f = fmt) {
  if (length(x) == 1) return(f(x))
  sprintf("%s (%s–%s)", f(median(x)), f(min(x)), f(max(x)))
}
rhat_fmt <- function(x) formatC(x, format = "f", digits = 4)

lines <- c()
emit <- function(...) lines <<- c(lines, paste0(...))
# A section's heading, its notes (one paragraph each) and the head of its table.
section <- function(title, notes, columns) {
  emit("### ", title)
  emit("")
  for (note in notes) {
    emit(note)
    emit("")
  }
  emit("| ", paste(columns, collapse = " | "), " |")
  emit("|", strrep("---|", length(columns)))
}

labels <- c(irt = "IRT 2PL (160 parameters)", radon = "Radon, centred (89 parameters)")
ratio_rows <- list()
section("Raw figures",
        "Medians over the runs, range in brackets. Min bulk ESS excludes lp__; R-hat is the maximum over parameters.",
        c("workload", "system", "runs", "seconds", "min bulk ESS", "max R-hat", "gradient evaluations",
          "min bulk ESS / s"))
for (model in c("irt", "radon")) {
  s <- stan[stan$model == model, ]
  m <- meads[meads$model == model, ]
  p <- python[[model]]
  if (nrow(s) == 0 || nrow(m) == 0) stop("no runs of ", model, call. = FALSE)
  stan_rate <- s$ess / s$chain_s
  stan_process_cpu <- s$ess / s$process_cpu_s
  in_process <- m$ess / m$total_s
  whole <- m$ess / m$wall_s
  per_cpu <- m$ess / (m$total_s * m$threads)
  measured_cpu <- m$ess / m$cpu_s
  python_rate <- p$ess / p$seconds
  threads <- paste(unique(m$threads), collapse = "/")
  emit(sprintf("| %s | Stan 2.21 NUTS (rstan), 4 × (1000 + 1000) | %d | %s chain-s (warmup + sampling); `sampling()` call %s s wall | %s | %s | %s | **%s** per chain-s |",
               labels[[model]], nrow(s), spread(s$chain_s), spread(s$call_wall_s),
               spread(s$ess), spread(s$rhat, rhat_fmt), spread(s$grads), spread(stan_rate)))
  emit(sprintf("| | Stan, whole `Rscript` process (compiled model loaded from cache; R start, 2 worker processes, summary) | %d | %s wall s, %s CPU-s (user + sys) | | | | %s per wall-s, %s per CPU-s |",
               nrow(s), spread(s$process_wall_s), spread(s$process_cpu_s), spread(s$ess / s$process_wall_s),
               spread(stan_process_cpu)))
  emit(sprintf("| | meads, in-process (whole pipeline) | %d | %s s | %s | %s | %s | **%s** |",
               nrow(m), spread(m$total_s), spread(m$ess), spread(m$rhat, rhat_fmt), spread(m$grads),
               spread(in_process)))
  wm <- if (is.null(warm)) NULL else warm[warm$model == model, ]
  after_compilation <- NULL
  if (!is.null(wm) && nrow(wm) > 0) {
    after_compilation <- wm$ess / wm$total_s
    emit(sprintf("| | meads, in-process after compilation (the pipeline run %s times first in the same JVM, `--set warm-runs`) | %d | %s s | %s | %s | %s | **%s** |",
                 paste(unique(wm$before), collapse = "/"), nrow(wm), spread(wm$total_s), spread(wm$ess),
                 spread(wm$rhat, rhat_fmt), spread(wm$grads), spread(after_compilation)))
  }
  emit(sprintf("| | meads, whole process (`./meads run %s`, JVM start and output files included) | %d | %s s wall | | | | %s |",
               model, nrow(m), spread(m$wall_s), spread(whole)))
  emit(sprintf("| | meads per CPU-second (in-process s × %s threads) | %d | %s CPU-s | | | | %s per CPU-s |",
               threads, nrow(m), spread(m$total_s * m$threads), spread(per_cpu)))
  emit(sprintf("| | meads per measured CPU-second (whole process, user + sys) | %d | %s CPU-s | | | | %s per CPU-s |",
               nrow(m), spread(m$cpu_s), spread(measured_cpu)))
  emit(sprintf("| | BlackJAX MEADS (Python), after compilation; quoted from PERFORMANCE.md, not re-run | 1 | %s s | %s | %s | | %s |",
               fmt(p$seconds), fmt(p$ess), rhat_fmt(p$rhat), fmt(python_rate)))
  warm_rate <- if (is.null(after_compilation)) NA_real_ else median(after_compilation)
  ratio_rows[[model]] <- list(
    stan = c(c(in_process = median(in_process), whole = median(whole), per_cpu = median(per_cpu),
               measured_cpu = median(measured_cpu), after_compilation = warm_rate) / median(stan_rate),
             process_cpu = median(measured_cpu) / median(stan_process_cpu)),
    python = c(in_process = median(in_process), whole = median(whole), after_compilation = warm_rate) /
      python_rate)
}

verdict <- function(x, target) {
  if (is.na(x)) return("(not run)")
  sprintf("%s× %s", fmt(x), if (x >= target) "(met)" else "(**missed**)")
}
emit("")
section("Ratios (meads ÷ peer, min bulk ESS per second)",
        c(sprintf("Target: at least %g× Stan's ESS per chain-second and at least %g× Python's ESS per second.",
                  targets[["stan"]], targets[["python"]]),
          "Columns 2-5 and 7 divide by Stan's min bulk ESS per chain-second (warmup + sampling). Column 6 compares whole processes, each per measured CPU-second (user + sys): `./meads run` against `Rscript run_stan_peer.R sample`. Columns 8-10 divide by the BlackJAX figure (pipeline wall seconds, after JAX's compilation); column 10 compares the two after compilation, meads' in-process pipeline after the same pipeline has run in its JVM. Columns 2 and 8 are meads in a fresh JVM, compilation included."),
        c("workload", "in-process", "whole process (wall)", "per CPU-s (in-process wall × threads)",
          "per measured CPU-s of the process", "process vs process, per measured CPU-s",
          "in-process after compilation", "vs Python: in-process", "vs Python: whole process",
          "vs Python: both after compilation"))
for (model in names(ratio_rows)) {
  r <- ratio_rows[[model]]
  emit(sprintf("| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |", labels[[model]],
               verdict(r$stan[["in_process"]], targets[["stan"]]),
               verdict(r$stan[["whole"]], targets[["stan"]]),
               verdict(r$stan[["per_cpu"]], targets[["stan"]]),
               verdict(r$stan[["measured_cpu"]], targets[["stan"]]),
               verdict(r$stan[["process_cpu"]], targets[["stan"]]),
               verdict(r$stan[["after_compilation"]], targets[["stan"]]),
               verdict(r$python[["in_process"]], targets[["python"]]),
               verdict(r$python[["whole"]], targets[["python"]]),
               verdict(r$python[["after_compilation"]], targets[["python"]])))
}
stage_table <- do.call(rbind, stages)
emit("")
stage_names <- unique(stage_table$stage)
section("Where meads' in-process seconds go (median over runs)", c(), c("workload", stage_names, "total"))
for (model in c("irt", "radon")) {
  st <- stage_table[stage_table$model == model, ]
  cells <- vapply(stage_names, function(n) fmt(median(st$seconds[st$stage == n])), "")
  emit(sprintf("| %s | %s | %s |", model, paste(cells, collapse = " | "),
               fmt(median(meads$total_s[meads$model == model]))))
}
if (!all(is.na(meads$summary_s))) {
  emit("")
  section("Where meads' whole process goes (median over runs, seconds)",
          c("From report.json (`after_pipeline`) and the measured wall time; the rest is the JVM's start, settings, data, report.json and the JVM's exit.",
            "The summary and the Stan CSV files are made side by side (two threads for the summary, one for the files); the column after them is the wall time until both were done."),
          c("workload", "pipeline", "summary", "Stan CSV files", "both, side by side", "summary.csv", "plots",
            "rest", "whole process"))
  for (model in c("irt", "radon")) {
    m <- meads[meads$model == model, ]
    rest <- m$wall_s - m$total_s - m$both_s - m$summary_csv_s - m$plots_s
    emit(sprintf("| %s | %s | %s | %s | %s | %s | %s | %s | %s |", model, fmt(median(m$total_s)),
                 fmt(median(m$summary_s)), fmt(median(m$chain_files_s)), fmt(median(m$both_s)),
                 fmt(median(m$summary_csv_s)), fmt(median(m$plots_s)), fmt(median(rest)), fmt(median(m$wall_s))))
  }
}
emit("")
section("Runs",
        "Load = the machine's 1-minute load average just before the run (2 cores; other users' jobs included).",
        c("workload", "system", "seed", "seconds", "min bulk ESS", "max R-hat", "divergences", "load"))
for (model in c("irt", "radon")) {
  s <- stan[stan$model == model, ]
  for (i in seq_len(nrow(s))) {
    emit(sprintf("| %s | Stan | %d | %s chain-s | %s | %s | %d | %.2f |", model, s$seed[i], fmt(s$chain_s[i]),
                 fmt(s$ess[i]), rhat_fmt(s$rhat[i]), as.integer(s$divergences[i]), s$load[i]))
  }
  m <- meads[meads$model == model, ]
  for (i in seq_len(nrow(m))) {
    emit(sprintf("| %s | meads | %d | %s s in-process, %s s wall | %s | %s | %d | %.2f |", model, m$seed[i],
                 fmt(m$total_s[i]), fmt(m$wall_s[i]), fmt(m$ess[i]), rhat_fmt(m$rhat[i]),
                 as.integer(m$divergences[i]), m$load[i]))
  }
}

writeLines(lines, file.path(out_dir, "side-by-side.md"))
writeLines(lines)
