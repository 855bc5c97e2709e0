# The scaling curves of bench/run.sh (data files written by bench/report.py). gnuplot -e "datadir='bench/results'" bench/scaling.gp
if (!exists("datadir")) datadir = 'bench/results'
set terminal svg size 1200,420 dynamic font "sans,11" background "white"
set output datadir.'/scaling.svg'
set multiplot layout 1,3 title "Custodian bench: how cost grows with data"
set logscale x
set grid
set key top left
set format x "%.0s%c"

set title "Consent check vs stored decisions"
set xlabel "stored decisions"
set ylabel "latency (ms)"
set yrange [0:*]
plot datadir.'/scaling-decisions.dat' using 1:2 with linespoints title "1x1 p50", \
     '' using 1:3 with linespoints title "1x1 p99", \
     '' using 1:4 with linespoints title "1000x8 p50", \
     '' using 1:5 with linespoints title "1000x8 p99"

set title "Retention due query vs holdings"
set xlabel "holdings"
plot datadir.'/scaling-holdings.dat' using 1:2 with linespoints title "due-unheld.sql (server)", \
     '' using 1:3 with linespoints title "GET holdings p50", \
     '' using 1:4 with linespoints title "GET holdings p99"

set title "Roster sync vs pupils"
set xlabel "pupils"
set ylabel "seconds"
unset logscale x
set format x "%.0f"
set logscale xy
set yrange [*:*]
plot datadir.'/scaling-roster.dat' using 1:2 with linespoints title "total time"
unset multiplot
