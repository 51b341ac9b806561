set terminal pngcairo size 800,600 noenhanced
set output "runs/compile-bounds2/figures/learning_curve.png"
set title "Training: validation error against llvm-mca"
set xlabel "epoch"
set ylabel "MAPE (fraction)"
set grid
set key top left
plot "runs/compile-bounds2/figures/learning_curve.dat" index 0 using 1:2 with linespoints pt 7 lw 2 title "validation MAPE vs llvm-mca"
