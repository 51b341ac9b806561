// One basic block's throughput from a surrogate model file, through the surrogate_infer library:
//   predict_block MODEL.smodel HEX...        machine code as hex, one block each
//   predict_block MODEL.smodel --asm FILE.s  AT&T assembly, one block
// prints "cycles per 100 iterations" for each block; exit status 1 on any error.
#include <fstream>
#include <iomanip>
#include <iostream>
#include <sstream>

#include <surrogate/model/SurrogateInfer.h>

int main(int argc, char **argv) {
  if (argc < 3) {
    std::cerr << "usage: predict_block MODEL.smodel HEX... | --asm FILE.s\n";
    return 2;
  }
  try {
    surrogate::infer::Model model(argv[1]);
    std::cout << std::fixed << std::setprecision(4);
    if (std::string(argv[2]) == "--asm" && argc == 4) {
      std::ifstream in(argv[3]);
      std::stringstream text;
      text << in.rdbuf();
      std::cout << model.cyclesOfAssembly(text.str()) << "\n";
      return 0;
    }
    for (int i = 2; i < argc; ++i)
      std::cout << argv[i] << "," << model.cyclesOfHex(argv[i]) << "\n";
  } catch (const surrogate::infer::Error &e) {
    std::cerr << "predict_block: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
