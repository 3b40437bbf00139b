import type { Random } from './random.js';

// Two-character place names in the manner of Fuzhou's (鼓楼, 台江, 仓山, 洪山,
// 乌山, 南街): a first character for a direction, a hill, a tree or a virtue,
// a second for a landform or a place. 48 x 40 names are plenty for the
// 1 300 communities of the largest scale.
const FIRST = [...'东西南北上中下新金银福榕凤龙梅桂湖江洪乌屏温鹤安乐华兴文光瑞鼓台仓晋马闽螺三坊柳桐茶樟盘鳌琴义'];
const SECOND = [...'山湖江桥坊泉塘洲亭园岭浦里苑门埕湾坪峰阳和平宁庆城溪林港岐屿口头岸墩石楼宅渡仔'];

/**
 * Hands out distinct place names, each suffixed with its level's word
 * (鼓山区, 南湖街道, 洪塘社区). Names are drawn without replacement per suffix,
 * so no two districts, streets or communities of one city share a name.
 */
export class PlaceNames {
  private readonly pools = new Map<string, string[]>();
  private readonly counts = new Map<string, number>();

  constructor(private readonly random: Random) {}

  next(suffix: string): string {
    let pool = this.pools.get(suffix);
    if (!pool) {
      const stems = [...new Set(FIRST.flatMap((first) => SECOND.map((second) => first + second)))];
      pool = this.random.shuffled(stems);
      this.pools.set(suffix, pool);
    }
    const used = this.usedCount(suffix);
    const stem = pool[used % pool.length]!;
    // Past the pool's size (never at the built-in scales) names repeat with an ordinal.
    const round = Math.floor(used / pool.length);
    return round === 0 ? `${stem}${suffix}` : `${stem}${round + 1}${suffix}`;
  }

  private usedCount(suffix: string): number {
    const used = this.counts.get(suffix) ?? 0;
    this.counts.set(suffix, used + 1);
    return used;
  }
}

/** 第3网格 */
export function gridName(ordinal: number): string {
  return `第${ordinal}网格`;
}

/** 3-2微网格: the second micro-grid of grid 3. */
export function microgridName(gridOrdinal: number, ordinal: number): string {
  return `${gridOrdinal}-${ordinal}微网格`;
}

/** 5号楼 */
export function buildingName(ordinal: number): string {
  return `${ordinal}号楼`;
}

/** Room label as on the door: floor then two-digit room, 501 or 1203. */
export function roomLabel(floor: number, room: number): string {
  return `${floor}${String(room).padStart(2, '0')}`;
}
