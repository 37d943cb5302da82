/**
 * How busy the machine was while a measure ran, from Linux's /proc: the CPU time of every core
 * (/proc/stat) less this process's own and that of the children it has waited for (the pulumi
 * commands it ran, with their plugins and language hosts: /proc/self/stat's utime, stime, cutime,
 * cstime). Both count in the same clock ticks (USER_HZ). What remains is other work's: a figure of
 * the machine's load over the interval itself, where the load average lags by a minute or more.
 */
import * as fs from "node:fs";
import * as os from "node:os";

export interface CpuMark {
    /** Ticks of all cores: busy, and in all. */
    busy: number;
    total: number;
    /** Ticks of this process and its waited-for children. */
    own: number;
}

export function cpuMark(): CpuMark {
    // "cpu  user nice system idle iowait irq softirq steal guest guest_nice"
    const fields = fs.readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).slice(1, 9).map(Number);
    const [user, nice, system, idle, iowait, irq, softirq, steal] = fields as [number, number, number, number, number, number, number, number];
    const busy = user + nice + system + irq + softirq + steal;
    const stat = fs.readFileSync("/proc/self/stat", "utf8");
    // fields after the command's closing parenthesis: state is field 3, utime field 14 … cstime field 17
    const rest = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const own = [11, 12, 13, 14].reduce((s, i) => s + Number(rest[i]), 0);
    return { busy, total: busy + idle + iowait, own };
}

/** Between two marks: cores busy on average with other work than this process's, and with this one's. */
export function coresBusy(from: CpuMark, to: CpuMark): { others: number; own: number } {
    const cores = os.cpus().length;
    const total = to.total - from.total;
    if (total <= 0) return { others: NaN, own: NaN };
    const own = to.own - from.own;
    return { others: (Math.max(0, to.busy - from.busy - own) / total) * cores, own: (own / total) * cores };
}
