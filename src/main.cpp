#include "surrogate/cli/Commands.h"

int main(int argc, char **argv) { return surrogate::cli::run(argc, argv); }
