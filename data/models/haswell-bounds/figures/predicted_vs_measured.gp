set terminal pngcairo size 1120,600 noenhanced
set output "runs/compile-bounds2/figures/predicted_vs_measured.png"
set xlabel "measured cycles / 100 iterations"
set ylabel "predicted cycles / 100 iterations"
set grid
set key top left
set logscale x
set logscale y
set size ratio -1
set xrange [19.1304:60931.6]
set yrange [19.1304:60931.6]
set multiplot layout 1,2 title "Held-out blocks: prediction vs measured (haswell)"
set title "llvm-mca: MAPE 38.9% on 6448 blocks"
plot "runs/compile-bounds2/figures/predicted_vs_measured.dat" index 0 using 1:2 with points pt 7 ps 0.5 lc rgb "#A0C04000" notitle, x with lines lc rgb "black" dt 2 lw 1.5 title "y = x"
set title "surrogate: MAPE 38.4% on 6448 blocks"
plot "runs/compile-bounds2/figures/predicted_vs_measured.dat" index 1 using 1:2 with points pt 7 ps 0.5 lc rgb "#A00050C0" notitle, x with lines lc rgb "black" dt 2 lw 1.5 title "y = x"
unset multiplot
