set terminal pngcairo size 800,600 noenhanced
set output "data/models/haswell/figures/guard_risk_coverage.png"
set title "risk against coverage on the validation blocks (target 2%)"
set xlabel "blocks answered by the surrogate (%, the surest first)"
set ylabel "MAPE (%)"
set grid
set key top left
plot "data/models/haswell/figures/guard_risk_coverage.dat" index 0 using 1:2 with linespoints pt 7 lw 2 title "the surrogate on the blocks it answers", "data/models/haswell/figures/guard_risk_coverage.dat" index 1 using 1:2 with linespoints pt 7 lw 2 title "the guarded whole"
