// The surrogate binary's entry point: cli::run.
#include "surrogate/cli/Commands.h"

int main(int argc, char **argv) { return surrogate::cli::run(argc, argv); }
