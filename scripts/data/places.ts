// Places (行政区划) of China, for telling which local paper a masthead-less page belongs to: the
// prefecture-level cities (地级市, 聊城) by their short name, and the counties and districts under them
// (临清市, 泗水县) by their full name, each pointing at its city. Data: china-area-data (GB/T 2260).
import { createRequire } from 'node:module';

type AreaTable = Record<string, Record<string, string>>;
const areas = createRequire(import.meta.url)('china-area-data/data.json') as AreaTable;

/** A city's short name, as local papers are named after it: 聊城市 → 聊城, 延边朝鲜族自治州 → 延边. */
export function shortPlaceName(name: string): string {
  const short = name.replace(/(?:[\p{Script=Han}]{1,3}族)*(?:自治州|自治县|自治旗|地区|盟|市|县|区|旗)$/u, '');
  return [...short].length >= 2 ? short : name;
}

export interface Place {
  /** The city the place lies in (short name): what a local daily is named after. */
  city: string;
  /** How the place is written in text. */
  name: string;
}

/**
 * City short names that are also everyday words (幸福安康, 中外来宾, 长治久安, 三明治, 白银 silver): counted
 * only when written with their suffix (安康市).
 */
const commonWordCities = new Set([
  '安康', '来宾', '长治', '大同', '中山', '阿里', '海南', '海东', '海北', '山南', '玉树', '朝阳', '白山', '黄山',
  '普洱', '红河', '文山', '三明', '白银', '北海', '攀枝花', '和田', '开封', '吉林', '大庆', '金昌', '鹤壁',
]);

/**
 * Every city (short name) and county/district (full name) in the table, each with its city. Names that
 * several cities share (市中区, 朝阳区, 新华区) tell nothing and are left out.
 */
export const places: Place[] = unambiguous(buildPlaces());

function unambiguous(list: Place[]): Place[] {
  const cities = new Map<string, Set<string>>();
  for (const p of list) cities.set(p.name, (cities.get(p.name) ?? new Set()).add(p.city));
  return list.filter((p) => cities.get(p.name)!.size === 1);
}

function buildPlaces(): Place[] {
  const list: Place[] = [];
  const provinces = areas['86'] ?? {};
  for (const provinceCode of Object.keys(provinces).sort()) {
    const cities = areas[provinceCode] ?? {};
    for (const cityCode of Object.keys(cities).sort()) {
      const cityName = cities[cityCode]!;
      // Province-level municipalities list their districts under 市辖区; they have no city of their own.
      if (/^(?:市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/u.test(cityName)) continue;
      const city = shortPlaceName(cityName);
      list.push({ city, name: commonWordCities.has(city) ? cityName : city });
      const districts = areas[cityCode] ?? {};
      for (const code of Object.keys(districts).sort()) {
        const name = districts[code]!;
        if (name !== '市辖区' && [...name].length >= 3) list.push({ city, name });
      }
    }
  }
  return list;
}

const byName = new Map<string, Place>();
for (const place of places) {
  for (const name of [place.name, shortPlaceName(place.name)]) if (!byName.has(name)) byName.set(name, place);
}

/** The place written `name` (泗水县) or by its short name (泗水), if the table knows it. */
export function findPlace(name: string): Place | undefined {
  return byName.get(name);
}
