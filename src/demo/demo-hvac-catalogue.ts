import type { EquipmentCategory } from '../core/db/schema.ts';

// What a Warsaw HVAC service firm finds at its customers' sites, and what it charges: models of
// the brands it services, with the refrigerant and charge of each (outdoor unit plus typical pipe
// runs), warranty, the years it was sold, and a price list in net grosze. Pure data.

export const demoBrands = ['Vaillant', 'Viessmann', 'Buderus', 'Daikin', 'Mitsubishi Electric', 'LG', 'Panasonic'] as const;
export type DemoBrand = (typeof demoBrands)[number];

export type Market = 'home' | 'business';

export interface UnitModel {
  category: EquipmentCategory;
  brand: DemoBrand;
  model: string;
  refrigerant: string | null; // canonical designation (refrigerants.ts)
  chargeKg: readonly [number, number] | null; // range over installations (pipe runs differ)
  hermeticallySealed: boolean; // monoblocs: sealed and labelled at the factory
  warrantyYears: number;
  soldFrom: number;
  soldUntil: number;
  market: Market;
  weight: number; // how common, against the other models of its category and market
}

const model = (
  category: EquipmentCategory,
  brand: DemoBrand,
  name: string,
  refrigerant: string | null,
  chargeKg: readonly [number, number] | null,
  options: { sealed?: boolean; warranty: number; sold: readonly [number, number]; market: Market; weight?: number },
): UnitModel => ({
  category,
  brand,
  model: name,
  refrigerant,
  chargeKg,
  hermeticallySealed: options.sealed ?? false,
  warrantyYears: options.warranty,
  soldFrom: options.sold[0],
  soldUntil: options.sold[1],
  market: options.market,
  weight: options.weight ?? 1,
});

const now = 2030; // "still sold"

// R-410A until the R-32 changeover (2018 for splits); R-290 monoblocs from 2020; R-454C and R-744
// in large commercial heat pumps. Old R-410A heat pumps, multi-splits and cassettes of 2.4 kg and more hold
// ≥ 5 t CO2e and need yearly leak checks; VRF systems of 24 kg and more reach 50 t.
export const unitModels: readonly UnitModel[] = [
  model('gas_boiler', 'Vaillant', 'ecoTEC plus VCW 26CS/1-5', null, null, { warranty: 5, sold: [2015, now], market: 'home', weight: 3 }),
  model('gas_boiler', 'Vaillant', 'ecoTEC plus VC 20CS/1-5', null, null, { warranty: 5, sold: [2015, now], market: 'home', weight: 2 }),
  model('gas_boiler', 'Vaillant', 'ecoTEC pure VCW 236/7-2', null, null, { warranty: 2, sold: [2017, now], market: 'home', weight: 2 }),
  model('gas_boiler', 'Vaillant', 'ecoTEC plus VC 656/4-5', null, null, { warranty: 2, sold: [2014, now], market: 'business' }),
  model('gas_boiler', 'Viessmann', 'Vitodens 100-W B1KC 26 kW', null, null, { warranty: 5, sold: [2015, now], market: 'home', weight: 3 }),
  model('gas_boiler', 'Viessmann', 'Vitodens 100-W B1HC 19 kW', null, null, { warranty: 5, sold: [2015, now], market: 'home', weight: 2 }),
  model('gas_boiler', 'Viessmann', 'Vitodens 200-W B2HF 25 kW', null, null, { warranty: 5, sold: [2019, now], market: 'home', weight: 2 }),
  model('gas_boiler', 'Viessmann', 'Vitodens 200-W B2HB 45 kW', null, null, { warranty: 2, sold: [2012, now], market: 'business', weight: 2 }),
  model('gas_boiler', 'Buderus', 'Logamax plus GB172i-24K', null, null, { warranty: 5, sold: [2014, now], market: 'home', weight: 3 }),
  model('gas_boiler', 'Buderus', 'Logamax plus GB172i-20', null, null, { warranty: 5, sold: [2014, now], market: 'home', weight: 2 }),
  model('gas_boiler', 'Buderus', 'Logamax plus GB122i-24K', null, null, { warranty: 3, sold: [2018, now], market: 'home', weight: 2 }),
  model('gas_boiler', 'Buderus', 'Logamax plus GB192i-50', null, null, { warranty: 2, sold: [2013, now], market: 'business' }),

  model('heat_pump_air_water', 'Daikin', 'Altherma 3 R EHBH08E6V + ERGA08EV', 'R-32', [1.5, 1.9], { warranty: 5, sold: [2019, now], market: 'home', weight: 3 }),
  model('heat_pump_air_water', 'Daikin', 'Altherma 3 H HT ETSX16P50E + EPRA16DV3', 'R-32', [3.4, 3.9], { warranty: 5, sold: [2020, now], market: 'home' }),
  model('heat_pump_air_water', 'Daikin', 'Altherma R EHBH08CB3V + ERLQ008CV3', 'R-410A', [2.4, 3.2], { warranty: 3, sold: [2011, 2018], market: 'home' }),
  model('heat_pump_air_water', 'Panasonic', 'Aquarea High Performance WH-SDC0709J3E5 + WH-UD09JE5', 'R-32', [1.27, 1.6], { warranty: 5, sold: [2019, now], market: 'home', weight: 3 }),
  model('heat_pump_air_water', 'Panasonic', 'Aquarea T-CAP WH-SXC12H9E8 + WH-UX12HE8', 'R-410A', [2.85, 3.3], { warranty: 3, sold: [2012, 2018], market: 'home' }),
  model('heat_pump_air_water', 'Panasonic', 'Aquarea L WH-MDC09L3E5', 'R-290', [1.0, 1.3], { sealed: true, warranty: 5, sold: [2023, now], market: 'home', weight: 2 }),
  model('heat_pump_air_water', 'Viessmann', 'Vitocal 200-S AWB-M-E-AC 201.E10', 'R-410A', [2.2, 2.8], { warranty: 5, sold: [2012, 2020], market: 'home', weight: 2 }),
  model('heat_pump_air_water', 'Viessmann', 'Vitocal 250-A AWO-E-AC 251.A10', 'R-290', [1.5, 1.5], { sealed: true, warranty: 5, sold: [2022, now], market: 'home', weight: 2 }),
  model('heat_pump_air_water', 'Mitsubishi Electric', 'Ecodan PUZ-WM85VAA', 'R-32', [1.4, 1.4], { sealed: true, warranty: 5, sold: [2020, now], market: 'home', weight: 2 }),
  model('heat_pump_air_water', 'Mitsubishi Electric', 'Ecodan PUZ-SWM80VAA + ERST20D-VM2D', 'R-32', [2.2, 2.6], { warranty: 5, sold: [2020, now], market: 'home', weight: 2 }),
  model('heat_pump_air_water', 'Mitsubishi Electric', 'Ecodan PUHZ-HW140VHA', 'R-410A', [4.0, 4.0], { sealed: true, warranty: 3, sold: [2011, 2019], market: 'home' }),
  model('heat_pump_air_water', 'Vaillant', 'aroTHERM plus VWL 75/6 A', 'R-290', [0.9, 0.9], { sealed: true, warranty: 5, sold: [2020, now], market: 'home', weight: 2 }),
  model('heat_pump_air_water', 'Vaillant', 'aroTHERM plus VWL 125/6 A', 'R-290', [1.3, 1.3], { sealed: true, warranty: 5, sold: [2020, now], market: 'home' }),
  model('heat_pump_air_water', 'Buderus', 'Logatherm WLW196i-11 AR', 'R-410A', [2.95, 3.3], { warranty: 5, sold: [2015, 2021], market: 'home' }),
  model('heat_pump_air_water', 'LG', 'Therma V HM091MR.U44', 'R-32', [1.4, 1.4], { sealed: true, warranty: 5, sold: [2019, now], market: 'home' }),
  model('heat_pump_air_water', 'Viessmann', 'Vitocal 200-A AWCI-AC 201.A29 (kaskada 2 szt.)', 'R-410A', [7.2, 8.0], { warranty: 2, sold: [2013, 2021], market: 'business' }),
  model('heat_pump_air_water', 'Mitsubishi Electric', 'Ecodan CAHV-R450YA-HPB', 'R-454C', [5.0, 5.5], { sealed: true, warranty: 2, sold: [2020, now], market: 'business' }),
  model('heat_pump_air_water', 'Panasonic', 'Aquarea T-CAP WH-MXC16J9E8 (kaskada 2 szt.)', 'R-32', [5.4, 5.8], { sealed: true, warranty: 3, sold: [2019, now], market: 'business' }),
  model('heat_pump_air_water', 'Mitsubishi Electric', 'QAHV-N560YA-HPB', 'R-744', [6.5, 6.5], { sealed: true, warranty: 2, sold: [2018, now], market: 'business', weight: 0.2 }),

  model('split_ac', 'Daikin', 'Perfera FTXM25R + RXM25R', 'R-32', [0.76, 1.05], { warranty: 3, sold: [2018, now], market: 'home', weight: 3 }),
  model('split_ac', 'Daikin', 'Perfera FTXM35R + RXM35R', 'R-32', [0.76, 1.2], { warranty: 3, sold: [2018, now], market: 'home', weight: 3 }),
  model('split_ac', 'Daikin', 'Emura FTXJ35AW + RXJ35A', 'R-32', [0.9, 1.3], { warranty: 3, sold: [2020, now], market: 'home' }),
  model('split_ac', 'Daikin', 'Sensira FTXF35D + RXF35D', 'R-32', [0.9, 1.2], { warranty: 3, sold: [2019, now], market: 'home', weight: 2 }),
  model('split_ac', 'Daikin', 'FTXS35K + RXS35L3', 'R-410A', [1.0, 1.5], { warranty: 3, sold: [2010, 2017], market: 'home' }),
  model('split_ac', 'Mitsubishi Electric', 'MSZ-LN25VG2W + MUZ-LN25VG2', 'R-32', [0.9, 1.2], { warranty: 5, sold: [2019, now], market: 'home', weight: 2 }),
  model('split_ac', 'Mitsubishi Electric', 'MSZ-LN35VG2W + MUZ-LN35VG2', 'R-32', [0.9, 1.3], { warranty: 5, sold: [2019, now], market: 'home', weight: 2 }),
  model('split_ac', 'Mitsubishi Electric', 'MSZ-AP35VGK + MUZ-AP35VG', 'R-32', [0.75, 1.1], { warranty: 5, sold: [2019, now], market: 'home', weight: 2 }),
  model('split_ac', 'Mitsubishi Electric', 'MSZ-FH35VE + MUZ-FH35VEHZ', 'R-410A', [1.15, 1.5], { warranty: 3, sold: [2011, 2018], market: 'home' }),
  model('split_ac', 'LG', 'Artcool Mirror AC12BK', 'R-32', [0.8, 1.1], { warranty: 5, sold: [2019, now], market: 'home', weight: 2 }),
  model('split_ac', 'LG', 'Artcool Gallery A12FT', 'R-32', [0.8, 1.1], { warranty: 5, sold: [2018, now], market: 'home' }),
  model('split_ac', 'LG', 'Standard Plus PC12SQ', 'R-32', [0.65, 1.0], { warranty: 5, sold: [2019, now], market: 'home', weight: 2 }),
  model('split_ac', 'LG', 'Artcool Mirror AM12BP', 'R-410A', [1.0, 1.3], { warranty: 3, sold: [2012, 2017], market: 'home' }),
  model('split_ac', 'Panasonic', 'Etherea CS-Z35ZKEW + CU-Z35ZKE', 'R-32', [0.85, 1.2], { warranty: 5, sold: [2021, now], market: 'home', weight: 2 }),
  model('split_ac', 'Panasonic', 'Etherea CS-Z25XKEW + CU-Z25XKE', 'R-32', [0.8, 1.1], { warranty: 5, sold: [2018, 2021], market: 'home' }),
  model('split_ac', 'Panasonic', 'CS-TZ35ZKEW + CU-TZ35ZKE', 'R-32', [0.75, 1.1], { warranty: 5, sold: [2021, now], market: 'home', weight: 2 }),
  model('split_ac', 'Panasonic', 'CS-E12RKEW + CU-E12RKE', 'R-410A', [1.05, 1.4], { warranty: 3, sold: [2013, 2017], market: 'home' }),
  model('split_ac', 'Daikin', 'FCAG71B + RZAG71NV1', 'R-32', [2.2, 2.9], { warranty: 3, sold: [2019, now], market: 'business', weight: 2 }),
  model('split_ac', 'Daikin', 'FCQG71F + RZQG71L9V1', 'R-410A', [2.9, 3.4], { warranty: 3, sold: [2011, 2018], market: 'business' }),
  model('split_ac', 'Mitsubishi Electric', 'PLA-ZM100EA + PUZ-ZM100VKA', 'R-32', [3.0, 3.6], { warranty: 5, sold: [2019, now], market: 'business' }),
  model('split_ac', 'LG', 'Standard Plus PC18SQ', 'R-32', [1.0, 1.4], { warranty: 5, sold: [2019, now], market: 'business', weight: 2 }),
  model('split_ac', 'Panasonic', 'CS-TZ50ZKEW + CU-TZ50ZKE', 'R-32', [1.05, 1.5], { warranty: 5, sold: [2021, now], market: 'business', weight: 2 }),
  model('split_ac', 'Mitsubishi Electric', 'MSZ-LN50VG2W + MUZ-LN50VG', 'R-32', [1.1, 1.5], { warranty: 5, sold: [2019, now], market: 'business', weight: 2 }),

  model('multi_split', 'Daikin', '3MXM52A + 3× FTXM20R', 'R-32', [1.4, 1.9], { warranty: 3, sold: [2019, now], market: 'home', weight: 2 }),
  model('multi_split', 'Daikin', '4MXM80A + 4× FTXM25R', 'R-32', [2.4, 3.0], { warranty: 3, sold: [2019, now], market: 'business' }),
  model('multi_split', 'Daikin', '4MXS80E + 4× FTXS25K', 'R-410A', [2.8, 3.4], { warranty: 3, sold: [2011, 2018], market: 'business' }),
  model('multi_split', 'Mitsubishi Electric', 'MXZ-3F54VF + 3× MSZ-LN25VG2', 'R-32', [1.4, 1.8], { warranty: 5, sold: [2019, now], market: 'home', weight: 2 }),
  model('multi_split', 'Mitsubishi Electric', 'MXZ-4D83VA + 4× MSZ-SF25VE', 'R-410A', [2.4, 3.0], { warranty: 3, sold: [2012, 2018], market: 'business' }),
  model('multi_split', 'LG', 'MU3R19 + 3× PC09SQ', 'R-32', [1.4, 1.7], { warranty: 5, sold: [2019, now], market: 'home', weight: 2 }),
  model('multi_split', 'LG', 'MU4M25 + 4× MS09AW', 'R-410A', [2.5, 3.0], { warranty: 3, sold: [2012, 2017], market: 'business' }),
  model('multi_split', 'Panasonic', 'CU-3Z52TBE + 3× CS-Z20ZKEW', 'R-32', [1.45, 1.8], { warranty: 5, sold: [2019, now], market: 'home', weight: 2 }),
  model('multi_split', 'Panasonic', 'CU-5Z90TBE + 5× CS-TZ25ZKEW', 'R-32', [2.35, 2.9], { warranty: 5, sold: [2019, now], market: 'business' }),

  model('vrf', 'Daikin', 'VRV IV RYYQ16U', 'R-410A', [14, 26], { warranty: 3, sold: [2014, 2021], market: 'business', weight: 2 }),
  model('vrf', 'Daikin', 'VRV 5 RXYA12A', 'R-32', [8, 12], { warranty: 3, sold: [2021, now], market: 'business' }),
  model('vrf', 'Mitsubishi Electric', 'City Multi PUHY-P400YNW-A1', 'R-410A', [16, 30], { warranty: 3, sold: [2015, now], market: 'business', weight: 2 }),
  model('vrf', 'Mitsubishi Electric', 'City Multi PURY-P250YNW-A1', 'R-410A', [10, 18], { warranty: 3, sold: [2015, now], market: 'business' }),
  model('vrf', 'LG', 'Multi V 5 ARUM200LTE5', 'R-410A', [12, 28], { warranty: 3, sold: [2017, now], market: 'business' }),
  model('vrf', 'Panasonic', 'ECOi EX ME2 U-16ME2E8', 'R-410A', [11, 22], { warranty: 3, sold: [2016, now], market: 'business' }),

  model('chiller', 'Daikin', 'EWAQ150G-XS', 'R-410A', [30, 38], { warranty: 2, sold: [2012, 2020], market: 'business' }),
  model('chiller', 'Daikin', 'EWAT180B-SSA2', 'R-32', [24, 30], { warranty: 2, sold: [2020, now], market: 'business' }),
  model('chiller', 'Mitsubishi Electric', 'EAHV-P900YA-H', 'R-410A', [21.6, 21.6], { warranty: 2, sold: [2013, now], market: 'business' }),

  model('ventilation_heat_recovery', 'Vaillant', 'recoVAIR VAR 260/4', null, null, { warranty: 2, sold: [2013, now], market: 'home', weight: 2 }),
  model('ventilation_heat_recovery', 'Vaillant', 'recoVAIR VAR 360/4', null, null, { warranty: 2, sold: [2013, now], market: 'home' }),
  model('ventilation_heat_recovery', 'Viessmann', 'Vitovent 300-W H32S C325', null, null, { warranty: 2, sold: [2016, now], market: 'home', weight: 2 }),
  model('ventilation_heat_recovery', 'Buderus', 'Logavent HRV2-230', null, null, { warranty: 2, sold: [2018, now], market: 'home' }),
  model('ventilation_heat_recovery', 'Daikin', 'VAM1000J', null, null, { warranty: 2, sold: [2013, now], market: 'business', weight: 2 }),
  model('ventilation_heat_recovery', 'Daikin', 'Modular L Smart ALB04RBS', null, null, { warranty: 2, sold: [2020, now], market: 'business' }),
  model('ventilation_heat_recovery', 'LG', 'LZ-H050GBA5', null, null, { warranty: 2, sold: [2015, now], market: 'business' }),
];

// How an installer's record reads in Polish, and what the unit is called on a job.
export const categoryNames: Record<EquipmentCategory, string> = {
  gas_boiler: 'kocioł gazowy',
  oil_boiler: 'kocioł olejowy',
  heat_pump_air_water: 'pompa ciepła powietrze-woda',
  heat_pump_ground: 'gruntowa pompa ciepła',
  split_ac: 'klimatyzator split',
  multi_split: 'klimatyzacja multi-split',
  vrf: 'system VRF',
  chiller: 'agregat wody lodowej',
  ventilation_heat_recovery: 'rekuperator',
  controller: 'sterownik',
};

export const otherInstallers = ['Instal-Bud Kowalski', 'Termo-Serwis s.c.', 'Klima-Tech Sp. z o.o.', 'deweloper (odbiór mieszkania)', 'Ekoterm Marki'];
export const siteNotes = [
  'Kotłownia w piwnicy, wejście od podwórza.',
  'Jednostka zewnętrzna na dachu, wejście przez klapę na 4 piętrze.',
  'Jednostka zewnętrzna na elewacji od podwórza, potrzebny podnośnik.',
  'Skropliny odprowadzone do kanalizacji przez syfon.',
  'Sterownik w przedpokoju.',
];

// Net prices in grosze. Labour and travel are the same for every customer; VAT differs by site.
export const prices = {
  labourPerHour: 18_000,
  travel: 6_000,
  emergencyCallOut: 25_000,
  leakRepairLabour: 45_000,
  pressureTestAndVacuum: 25_000,
  refrigerantPerKg: { 'R-32': 19_000, 'R-410A': 35_000, 'R-290': 24_000, 'R-744': 6_000 } as Record<string, number>,
};

interface ServicePrice {
  maintenance: { description: string; grosze: number };
  leakCheck: number;
  installationLabour: number;
  device: readonly [number, number];
}

export const servicePrices: Partial<Record<EquipmentCategory, ServicePrice>> = {
  gas_boiler: { maintenance: { description: 'Przegląd kotła gazowego z analizą spalin', grosze: 29_000 }, leakCheck: 0, installationLabour: 180_000, device: [600_000, 950_000] },
  heat_pump_air_water: { maintenance: { description: 'Przegląd pompy ciepła', grosze: 49_000 }, leakCheck: 30_000, installationLabour: 450_000, device: [2_200_000, 3_800_000] },
  split_ac: { maintenance: { description: 'Przegląd i czyszczenie klimatyzatora', grosze: 25_000 }, leakCheck: 25_000, installationLabour: 120_000, device: [390_000, 650_000] },
  multi_split: { maintenance: { description: 'Przegląd klimatyzacji multi-split', grosze: 45_000 }, leakCheck: 30_000, installationLabour: 280_000, device: [900_000, 1_600_000] },
  vrf: { maintenance: { description: 'Przegląd systemu VRF', grosze: 180_000 }, leakCheck: 65_000, installationLabour: 1_800_000, device: [6_000_000, 14_000_000] },
  chiller: { maintenance: { description: 'Przegląd agregatu wody lodowej', grosze: 240_000 }, leakCheck: 90_000, installationLabour: 2_500_000, device: [12_000_000, 19_000_000] },
  ventilation_heat_recovery: { maintenance: { description: 'Przegląd rekuperatora z wymianą filtrów', grosze: 28_000 }, leakCheck: 0, installationLabour: 350_000, device: [1_100_000, 1_700_000] },
};

export interface RepairCase {
  symptom: string;
  part: { description: string; grosze: number } | null;
  hours: number;
}

export const repairCases: Partial<Record<EquipmentCategory, readonly RepairCase[]>> = {
  gas_boiler: [
    { symptom: 'Kocioł nie grzeje wody użytkowej', part: { description: 'Zawór trójdrogowy', grosze: 42_000 }, hours: 1.5 },
    { symptom: 'Brak zapłonu, kocioł się blokuje', part: { description: 'Elektroda zapłonowa z uszczelką', grosze: 9_500 }, hours: 1 },
    { symptom: 'Spadek ciśnienia w instalacji c.o.', part: { description: 'Naczynie wzbiorcze 8 l', grosze: 32_000 }, hours: 2 },
    { symptom: 'Głośna praca pompy obiegowej', part: { description: 'Pompa obiegowa Grundfos UPM3', grosze: 65_000 }, hours: 1.5 },
    { symptom: 'Kocioł wyświetla błąd czujnika temperatury', part: { description: 'Czujnik NTC zasilania', grosze: 8_500 }, hours: 0.5 },
    { symptom: 'Kocioł taktuje i wyłącza się', part: null, hours: 1 },
  ],
  heat_pump_air_water: [
    { symptom: 'Pompa ciepła nie osiąga zadanej temperatury', part: null, hours: 2 },
    { symptom: 'Błąd przepływu, pompa ciepła się zatrzymuje', part: { description: 'Przepływomierz', grosze: 38_000 }, hours: 1.5 },
    { symptom: 'Oszronienie jednostki zewnętrznej', part: { description: 'Czujnik temperatury wymiennika', grosze: 12_000 }, hours: 1 },
    { symptom: 'Pompa ciepła nie startuje, błąd inwertera', part: { description: 'Płyta inwertera jednostki zewnętrznej', grosze: 260_000 }, hours: 3 },
    { symptom: 'Głośna praca wentylatora jednostki zewnętrznej', part: { description: 'Silnik wentylatora', grosze: 89_000 }, hours: 2 },
  ],
  split_ac: [
    { symptom: 'Klimatyzator nie chłodzi', part: null, hours: 1 },
    { symptom: 'Wyciek wody z jednostki wewnętrznej', part: { description: 'Pompka skroplin', grosze: 31_000 }, hours: 1 },
    { symptom: 'Jednostka zewnętrzna nie startuje', part: { description: 'Kondensator rozruchowy 35 µF', grosze: 8_999 }, hours: 1 },
    { symptom: 'Nieprzyjemny zapach z klimatyzatora', part: { description: 'Preparat do dezynfekcji parownika', grosze: 3_000 }, hours: 1 },
    { symptom: 'Klimatyzator wyłącza się z błędem', part: { description: 'Płytka sterująca jednostki wewnętrznej', grosze: 135_000 }, hours: 1.5 },
  ],
  multi_split: [
    { symptom: 'Jedna z jednostek wewnętrznych nie chłodzi', part: { description: 'Zawór rozprężny elektroniczny', grosze: 89_000 }, hours: 2.5 },
    { symptom: 'Wyciek wody z jednostki wewnętrznej', part: { description: 'Pompka skroplin', grosze: 31_000 }, hours: 1 },
    { symptom: 'Błąd komunikacji jednostek', part: null, hours: 1.5 },
  ],
  vrf: [
    { symptom: 'Część biura nie chłodzi', part: { description: 'Zawór rozprężny elektroniczny', grosze: 110_000 }, hours: 3 },
    { symptom: 'Błąd komunikacji jednostek wewnętrznych VRF', part: null, hours: 2 },
    { symptom: 'Jednostka zewnętrzna VRF w awarii sprężarki', part: { description: 'Czujnik wysokiego ciśnienia', grosze: 52_000 }, hours: 3 },
  ],
  chiller: [
    { symptom: 'Agregat zgłasza alarm wysokiego ciśnienia', part: { description: 'Presostat wysokiego ciśnienia', grosze: 48_000 }, hours: 3 },
    { symptom: 'Niska wydajność chłodzenia', part: null, hours: 4 },
  ],
  ventilation_heat_recovery: [
    { symptom: 'Rekuperator głośno pracuje', part: { description: 'Wentylator nawiewny EC', grosze: 95_000 }, hours: 1.5 },
    { symptom: 'Brak nawiewu w sypialni', part: null, hours: 1 },
    { symptom: 'Sterownik rekuperatora nie reaguje', part: { description: 'Panel sterujący', grosze: 46_000 }, hours: 1 },
  ],
};

export const emergencySymptoms: Partial<Record<EquipmentCategory, readonly string[]>> = {
  gas_boiler: ['Brak ogrzewania i ciepłej wody – kocioł nie startuje', 'Brak ogrzewania, kocioł w blokadzie', 'Wyciek wody spod kotła, kocioł wyłączony'],
  heat_pump_air_water: ['Brak ogrzewania – pompa ciepła w awarii', 'Pompa ciepła stoi, dom się wychładza'],
  split_ac: ['Awaria klimatyzacji serwerowni – rośnie temperatura', 'Awaria klimatyzacji w sali sprzedaży'],
  multi_split: ['Awaria klimatyzacji w biurze podczas upału'],
  vrf: ['Awaria systemu VRF – całe piętro bez chłodzenia', 'VRF zatrzymany, alarm niskiego ciśnienia'],
  chiller: ['Agregat wody lodowej zatrzymany – brak chłodzenia budynku'],
};

export const holdReasons = {
  parts: (part: string) => `Czekamy na część: ${part}`,
  access: 'Brak dostępu do urządzenia – klient poza domem',
  approval: 'Czekamy na akceptację kosztorysu przez klienta',
};

export const cancelReasons = [
  'Klient odwołał wizytę',
  'Usterka ustąpiła, klient rezygnuje',
  'Zdublowane zgłoszenie',
  'Klient wybrał inną firmę',
  'Brak kontaktu z klientem',
];

export const inspectionSubjects = ['Wizja lokalna przed montażem pompy ciepła', 'Dobór klimatyzacji – oględziny lokalu', 'Oględziny kotłowni przed wymianą kotła'];
