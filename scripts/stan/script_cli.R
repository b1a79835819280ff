# The command-line basics the R scripts share, sourced by each: script_fail(NAME) makes its
# fail(...) (message "NAME: ...", exit status 2), and script_help_if_asked(ARGS) prints the
# script's header comment and exits when ARGS start with -h or --help.

# This script's own file, from Rscript's --file= argument (NA when run otherwise).
script_file <- function() {
  file_arg <- grep("^--file=", commandArgs(trailingOnly = FALSE), value = TRUE)
  if (length(file_arg) == 0) NA_character_ else sub("^--file=", "", file_arg[1])
}

script_fail <- function(name) {
  function(...) {
    message(name, ": ", ...)
    quit(save = "no", status = 2)
  }
}

script_help_if_asked <- function(args) {
  if (length(args) == 0 || !(args[1] %in% c("-h", "--help"))) return(invisible())
  file <- script_file()
  lines <- if (is.na(file)) character() else readLines(file)[-1]
  end <- which(!startsWith(lines, "#"))[1]
  if (!is.na(end)) lines <- lines[seq_len(end - 1)]
  cat(sub("^# ?", "", lines), sep = "\n")
  quit(save = "no", status = 0)
}
