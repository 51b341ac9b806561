// The gnuplot figures: each written as .dat, .gp and, with gnuplot on PATH, .png (scatter, line, bar plots).
#include "surrogate/patterns/Plot.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fstream>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "surrogate/support/AtomicFile.h"

namespace surrogate::patterns {

namespace {

std::string stem(const std::string &png) {
  return png.size() > 4 && png.compare(png.size() - 4, 4, ".png") == 0 ? png.substr(0, png.size() - 4) : png;
}

std::string quote(const std::string &s) {
  std::string out = "\"";
  for (char c : s) out += (c == '"' ? std::string("\\\"") : std::string(1, c));
  return out + "\"";
}

std::string terminal(const std::string &png, int width, int height) {
  return fmt::format("set terminal pngcairo size {},{} noenhanced\nset output {}\n", width, height, quote(png));
}

// Labels, grid and scales of one plot (or of every panel of a multiplot).
std::string axes(const PlotSpec &spec) {
  std::string gp = "set xlabel " + quote(spec.xLabel) + "\nset ylabel " + quote(spec.yLabel) + "\n";
  gp += "set grid\nset key top left\n";
  if (spec.logX) gp += "set logscale x\n";
  if (spec.logY) gp += "set logscale y\n";
  return gp;
}

std::string header(const std::string &png, const PlotSpec &spec) {
  return terminal(png, 800, 600) + "set title " + quote(spec.title) + "\n" + axes(spec);
}

// Writes the script and runs gnuplot on it.
bool draw(const std::string &png, const std::string &script) {
  std::string gpPath = stem(png) + ".gp";
  support::writeFileAtomically(gpPath, script);
  if (std::system("command -v gnuplot >/dev/null 2>&1") != 0) {
    spdlog::warn("gnuplot is not installed; wrote {} without drawing {}", gpPath, png);
    return false;
  }
  std::string cmd = "gnuplot " + quote(gpPath) + " 2>/dev/null";
  if (std::system(cmd.c_str()) != 0) {
    spdlog::warn("gnuplot failed on {}", gpPath);
    return false;
  }
  return true;
}

std::string writeSeries(const std::string &png, const std::vector<Series> &series) {
  std::string datPath = stem(png) + ".dat";
  std::string data;
  for (const Series &s : series) {
    data += "# " + s.title + "\n";
    for (std::size_t i = 0; i < s.x.size() && i < s.y.size(); ++i)
      data += fmt::format("{} {}\n", s.x[i], s.y[i]);
    data += "\n\n";  // gnuplot data-set separator
  }
  support::writeFileAtomically(datPath, data);
  return datPath;
}

std::string markerLine(const std::optional<XMarker> &marker) {
  if (!marker)
    return "";
  return fmt::format("set arrow from {0:.6g}, graph 0 to {0:.6g}, graph 1 nohead dt 2 lc rgb \"gray\"\n"
                     "set label {1} at {0:.6g}, graph 0.95 offset 0.5,0\n",
                     marker->x, quote(marker->label));
}

bool plotSeries(const std::string &png, const PlotSpec &spec, const std::vector<Series> &series, const char *style,
                const std::optional<XMarker> &marker = std::nullopt) {
  std::string dat = writeSeries(png, series);
  std::string gp = header(png, spec) + markerLine(marker);
  std::string plots;
  for (std::size_t i = 0; i < series.size(); ++i)
    plots += fmt::format("{}{} index {} using 1:2 with {} title {}", plots.empty() ? "" : ", ", quote(dat), i, style,
                         quote(series[i].title));
  if (spec.diagonal)
    plots += ", x with lines lc rgb \"gray\" dt 2 title \"y = x\"";
  gp += "plot " + plots + "\n";
  return draw(png, gp);
}

} // namespace

bool scatterPlot(const std::string &png, const PlotSpec &spec, const std::vector<Series> &series,
                 const std::optional<XMarker> &marker) {
  return plotSeries(png, spec, series, "points pt 7 ps 0.3", marker);
}

bool panelScatterPlot(const std::string &png, const PlotSpec &spec, const std::vector<Series> &series) {
  std::string dat = writeSeries(png, series);
  // One range for every panel (and for both axes when y = x is drawn), so
  // the panels compare at a glance.
  double lo = INFINITY, hi = -INFINITY;
  for (const Series &s : series)
    for (const std::vector<double> *v : {&s.x, &s.y})
      for (double value : *v)
        if (std::isfinite(value) && (value > 0 || !(spec.logX || spec.logY))) {
          lo = std::min(lo, value);
          hi = std::max(hi, value);
        }
  const int panel = 560;
  std::string gp = terminal(png, panel * static_cast<int>(std::max<std::size_t>(series.size(), 1)), panel + 40);
  gp += axes(spec) + "set size ratio -1\n";
  if (lo < hi) {  // a margin, so points on the edge stay visible
    bool log = spec.logX || spec.logY;
    double a = log ? lo / 1.15 : lo - 0.05 * (hi - lo), b = log ? hi * 1.15 : hi + 0.05 * (hi - lo);
    gp += fmt::format("set xrange [{:.6g}:{:.6g}]\nset yrange [{:.6g}:{:.6g}]\n", a, b, a, b);
  }
  gp += fmt::format("set multiplot layout 1,{} title {}\n", series.size(), quote(spec.title));
  const char *colours[] = {"#A0C04000", "#A00050C0", "#A0208020", "#A0806000"};  // ARGB, translucent
  for (std::size_t i = 0; i < series.size(); ++i) {
    gp += "set title " + quote(series[i].title) + "\n";
    gp += fmt::format("plot {} index {} using 1:2 with points pt 7 ps 0.5 lc rgb \"{}\" notitle", quote(dat), i,
                      colours[i % 4]);
    if (spec.diagonal)
      gp += ", x with lines lc rgb \"black\" dt 2 lw 1.5 title \"y = x\"";
    gp += "\n";
  }
  gp += "unset multiplot\n";
  return draw(png, gp);
}

bool labelledPointPlot(const std::string &png, const PlotSpec &spec, const std::vector<LabelledPoint> &points,
                       const std::optional<XMarker> &marker) {
  std::string datPath = stem(png) + ".dat";
  std::string data;
  for (const LabelledPoint &p : points) data += fmt::format("{} {} {}\n", p.x, p.y, quote(p.label));
  support::writeFileAtomically(datPath, data);
  std::string gp = header(png, spec) + markerLine(marker);
  gp += "unset key\nset offsets graph 0.15, graph 0.35, graph 0.1, graph 0.1\n";
  gp += "plot " + quote(datPath) + " using 1:2 with points pt 7 ps 1.5 lc rgb \"#0050C0\", '' using 1:2:3 with labels "
        "left offset 1,0.5 font \",9\"\n";
  return draw(png, gp);
}

bool linePlot(const std::string &png, const PlotSpec &spec, const std::vector<Series> &series) {
  return plotSeries(png, spec, series, "linespoints pt 7 lw 2");
}

bool barPlot(const std::string &png, const PlotSpec &spec, const std::vector<std::pair<std::string, double>> &bars) {
  std::string datPath = stem(png) + ".dat";
  std::string data;
  for (const auto &[label, value] : bars) data += quote(label) + fmt::format(" {}\n", value);
  support::writeFileAtomically(datPath, data);
  std::string gp = header(png, spec);
  gp += "set style fill solid 0.6\nset boxwidth 0.6\nset yrange [0:*]\nunset key\n";
  gp += "plot " + quote(datPath) + " using 0:2:xtic(1) with boxes, '' using 0:2:(sprintf(\"%.3g\", $2)) with labels offset 0,1\n";
  return draw(png, gp);
}

} // namespace surrogate::patterns
