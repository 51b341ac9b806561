#pragma once
// Report figures drawn with gnuplot (Debian's gnuplot-nox). Each figure is
// written as its data (.dat), the gnuplot script that draws it (.gp) and the
// PNG, so a person can re-draw or restyle it. Without gnuplot on PATH the
// data and script are still written and a warning says why there is no PNG.

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace surrogate::patterns {

struct Series {
  std::string title;
  std::vector<double> x, y;
};

struct PlotSpec {
  std::string title, xLabel, yLabel;
  bool logX = false, logY = false;
  bool diagonal = false;  ///< draw y = x (predicted vs measured)
};

/// A dashed vertical line at `x`, labelled (a threshold on the x axis).
struct XMarker {
  double x = 0;
  std::string label;
};

/// Points of each series; `pngPath` names the figure (.dat/.gp beside it).
/// Returns false (after a warning) when the PNG could not be drawn.
bool scatterPlot(const std::string &pngPath, const PlotSpec &spec, const std::vector<Series> &series,
                 const std::optional<XMarker> &marker = std::nullopt);
/// One panel per series, side by side on the same axes (each with y = x when
/// `spec.diagonal`), so no series hides another; each panel is titled by its
/// series and `spec.title` heads the figure. Points are translucent, so dense
/// regions read darker.
bool panelScatterPlot(const std::string &pngPath, const PlotSpec &spec, const std::vector<Series> &series);
/// A few named points, each labelled beside it (a sweep's error against
/// speed), with an optional threshold line.
struct LabelledPoint {
  double x = 0, y = 0;
  std::string label;
};
bool labelledPointPlot(const std::string &pngPath, const PlotSpec &spec, const std::vector<LabelledPoint> &points,
                       const std::optional<XMarker> &marker = std::nullopt);
/// Lines with points, one per series (learning curves).
bool linePlot(const std::string &pngPath, const PlotSpec &spec, const std::vector<Series> &series);
/// One bar per (label, value) (error before/after tuning).
bool barPlot(const std::string &pngPath, const PlotSpec &spec, const std::vector<std::pair<std::string, double>> &bars);

} // namespace surrogate::patterns
