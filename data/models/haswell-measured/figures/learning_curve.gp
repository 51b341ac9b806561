set terminal pngcairo size 800,600 noenhanced
set output "runs/adapt-hybrid2/figures/learning_curve.png"
set title "Test error against measured timings (haswell)"
set xlabel "fraction of the measured training split"
set ylabel "MAPE (fraction)"
set grid
set key top left
set logscale x
plot "runs/adapt-hybrid2/figures/learning_curve.dat" index 0 using 1:2 with linespoints pt 7 lw 2 title "adapted surrogate", "runs/adapt-hybrid2/figures/learning_curve.dat" index 1 using 1:2 with linespoints pt 7 lw 2 title "llvm-mca"
