// Report figures: gnuplot scripts and PNGs written by the patterns' plot helpers.
// label unit: Plot
#include <filesystem>
#include <fstream>
#include <iterator>

#include <gtest/gtest.h>

#include "TestSupport.h"
#include "surrogate/patterns/Plot.h"

using namespace surrogate;

TEST(Plot, WritesDataScriptAndPng) {
  test::TempDir dir;
  patterns::PlotSpec spec{"predicted vs measured", "measured", "predicted", true, true, true};
  std::string png = dir / "scatter.png";
  bool drawn = patterns::scatterPlot(png, spec, {{"blocks", {100, 200, 300}, {110, 190, 330}}});
  EXPECT_TRUE(std::filesystem::exists(dir / "scatter.dat"));
  EXPECT_TRUE(std::filesystem::exists(dir / "scatter.gp"));
  if (std::system("command -v gnuplot >/dev/null 2>&1") != 0)
    GTEST_SKIP() << "gnuplot is not installed";
  ASSERT_TRUE(drawn);
  std::ifstream in(png, std::ios::binary);
  char magic[4] = {};
  in.read(magic, 4);
  EXPECT_EQ(std::string(magic + 1, 3), "PNG");
  EXPECT_TRUE(patterns::barPlot(dir / "bars.png", {"error", "", "MAPE", false, false, false},
                                {{"default", 0.4}, {"tuned", 0.3}}));
  EXPECT_TRUE(patterns::linePlot(dir / "lines.png", {"curve", "fraction", "MAPE", true, false, false},
                                 {{"a", {0.01, 0.1, 1}, {0.5, 0.3, 0.2}}, {"b", {0.01, 0.1, 1}, {0.6, 0.4, 0.25}}}));
}

TEST(Plot, PanelsShareOneRangeAndEachDrawsTheDiagonal) {
  test::TempDir dir;
  patterns::PlotSpec spec{"predicted vs measured", "measured", "predicted", true, true, true};
  std::string png = dir / "panels.png";
  bool drawn = patterns::panelScatterPlot(png, spec, {{"llvm-mca: MAPE 10.0%", {100, 200}, {90, 250}},
                                                      {"surrogate: MAPE 5.0%", {100, 200}, {105, 400}}});
  std::ifstream gp(dir / "panels.gp");
  std::string script((std::istreambuf_iterator<char>(gp)), std::istreambuf_iterator<char>());
  EXPECT_NE(script.find("set multiplot layout 1,2"), std::string::npos);
  EXPECT_NE(script.find("set xrange [78.2609:460]"), std::string::npos) << script;
  EXPECT_NE(script.find("\"surrogate: MAPE 5.0%\""), std::string::npos);
  std::size_t diagonals = 0;
  for (std::size_t at = script.find("y = x"); at != std::string::npos; at = script.find("y = x", at + 1)) ++diagonals;
  EXPECT_EQ(diagonals, 2u);
  if (std::system("command -v gnuplot >/dev/null 2>&1") != 0)
    GTEST_SKIP() << "gnuplot is not installed";
  EXPECT_TRUE(drawn);
}
