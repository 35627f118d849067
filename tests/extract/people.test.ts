import { describe, expect, it } from 'vitest';
import { businessPeople, clauseStarts, extractOfficials, labelMayStart, listedOfficials, titledOfficials, unlabelledLists } from '../../scripts/extract/people.ts';
import { followsName, hasSurname, isName, nameAt, provinceInRole, roleMayStart, roleRegex, stripProvince } from '../../scripts/extract/roles.ts';
import { loadGeography, provinceOf } from '../../scripts/extract/provinces.ts';
import { provinceLengths, scanNear } from '../../scripts/extract/context.ts';
import { context, messages, realEditorial } from './helpers.ts';
import { seeded } from './random.ts';

const officials = (lines: string[], home: string | null = null) => {
  const ctx = context(lines.map((t) => ['body', t]));
  return { ctx, people: extractOfficials(ctx, home, new Set()).map((p) => [p.name, p.province, p.role, p.listed]) };
};

describe('officials named after a title', () => {
  it('keeps the title as written, without the province name, which goes to the province field', () => {
    const { people } = officials(['中共中央政治局委员、上海市委书记李强，上海市委副书记、市长应勇；江苏省委书记娄勤俭出席会议。']);
    expect(people).toEqual([
      ['李强', 'shanghai', '中共中央政治局委员、上海市委书记', false],
      ['应勇', 'shanghai', '市委副书记、市长', false],
      ['娄勤俭', 'jiangsu', '省委书记', false],
    ]);
  });

  it('a title without a province takes the previous official’s, then the delegation they lead', () => {
    const { people } = officials([
      '重庆市委书记陈敏尔主持并讲话。重庆市委副书记、市长唐良智，市人大常委会主任张轩出席。',
      '10月23日，省委书记李锦斌，省委副书记、省长李国英率安徽省党政代表团赶赴浙江省。',
    ]);
    expect(people).toEqual([
      ['陈敏尔', 'chongqing', '市委书记', false],
      ['唐良智', 'chongqing', '市委副书记、市长', false],
      ['张轩', 'chongqing', '市人大常委会主任', false],
      ['李锦斌', 'anhui', '省委书记', false],
      ['李国英', 'anhui', '省委副书记、省长', false],
    ]);
  });

  it('else the publisher’s home province, reported as an info message', () => {
    const { ctx, people } = officials(['8日至9日，省委书记车俊率省代表团在重庆学习考察。'], 'zhejiang');
    expect(people).toEqual([['车俊', 'zhejiang', '省委书记', false]]);
    expect(messages(ctx).some((m) => m.startsWith('extract/role-home-province'))).toBe(true);
  });

  it('without any of these, the province stays unknown, with a warning', () => {
    const { ctx, people } = officials(['省委书记车俊讲话。']);
    expect(people).toEqual([['车俊', null, '省委书记', false]]);
    expect(messages(ctx).some((m) => m.startsWith('extract/person-no-province'))).toBe(true);
  });

  it('a title after a name that is not a province (东海省委书记) leaves the province unknown, with a warning', () => {
    const { ctx, people } = officials(['东海省委书记黄坤明主持座谈会，安徽省委书记韩俊出席。东海省领导黄楚平、张新参加。'], 'anhui');
    expect(people).toEqual([
      ['黄坤明', null, '省委书记', false],
      ['韩俊', 'anhui', '省委书记', false],
      ['黄楚平', null, null, true],
      ['张新', null, null, true],
    ]);
    expect(messages(ctx).filter((m) => m.startsWith('extract/province-unknown'))).toHaveLength(2);
  });

  it('keeps the longest title seen for a person', () => {
    const { people } = officials(['省委书记韩俊、省长王清宪率安徽党政代表团赴广东省考察。', '安徽省委副书记、省长王清宪介绍情况。']);
    expect(people).toEqual([
      ['韩俊', 'anhui', '省委书记', false],
      ['王清宪', 'anhui', '省委副书记、省长', false],
    ]);
  });

  it('does not read words after a title as a name, nor 总书记, nor a 时任 official of the past', () => {
    const { people } = officials([
      '习近平总书记重要讲话精神。',
      '对浙江省长期以来给予的支持表示感谢。',
      '时任浙江省委书记习近平同志率队赴涪陵考察。',
      '省委书记在返程火车上召开交流总结会。',
    ]);
    expect(people).toEqual([]);
  });

  it('names end at punctuation or a verb: 2 or 3 characters, 4 with a compound surname', () => {
    const s = realEditorial().surnames;
    expect(nameAt('王浩讲话', 0, s)).toBe('王浩');
    expect(nameAt('李明清出席', 0, s)).toBe('李明清');
    expect(nameAt('欧阳明高出席', 0, s)).toBe('欧阳明高');
    expect(nameAt('重要讲话', 0, s)).toBeUndefined();
    const geo = loadGeography(realEditorial());
    expect(stripProvince('内蒙古自治区党委书记', geo)).toBe('自治区党委书记');
    expect(stripProvince('宁夏回族自治区党委书记', geo)).toBe('自治区党委书记');
    expect(stripProvince('浙江省委副书记、省长', geo)).toBe('省委副书记、省长');
    expect(stripProvince('中共中央政治局委员、上海市委书记', geo)).toBe('中共中央政治局委员、上海市委书记');
  });
});

describe('officials in lists', () => {
  it('浙江省领导…，重庆市领导…出席: each name with the province of its label', () => {
    const ctx = context([['body', '浙江省领导陈金彪、冯飞，重庆市领导吴存荣、王赋、段成刚、李明清出席座谈或参加考察。']]);
    expect(listedOfficials(ctx).map((p) => [p.name, p.province, p.listed])).toEqual([
      ['陈金彪', 'zhejiang', true],
      ['冯飞', 'zhejiang', true],
      ['吴存荣', 'chongqing', true],
      ['王赋', 'chongqing', true],
      ['段成刚', 'chongqing', true],
      ['李明清', 'chongqing', true],
    ]);
  });

  it('a list ends at 和 / 参加 and what follows is not a name', () => {
    const ctx = context([['body', '安徽省领导邓向阳、郑永飞和省直有关部门、省辖市主要负责同志参加相关活动。']]);
    expect(listedOfficials(ctx).map((p) => p.name)).toEqual(['邓向阳', '郑永飞']);
    expect(messages(ctx)).toEqual([]);
  });

  it('a list without a label after a titled official takes that official’s province (info message)', () => {
    const { ctx, people } = officials(['浙江省委书记易炼红主持会议并讲话，省委副书记、省长王浩讲话，黄莉新、刘捷、卢山出席。']);
    expect(people).toEqual([
      ['易炼红', 'zhejiang', '省委书记', false],
      ['王浩', 'zhejiang', '省委副书记、省长', false],
      ['黄莉新', 'zhejiang', null, true],
      ['刘捷', 'zhejiang', null, true],
      ['卢山', 'zhejiang', null, true],
    ]);
    expect(messages(ctx).some((m) => m.startsWith('extract/list-context-province'))).toBe(true);
  });

  it('an enumeration that is not of names is not a list of officials', () => {
    const { people } = officials(['省长王浩讲话，创新共建、协调共进、绿色共保参加。', '控、治、修、建出席。']);
    expect(people).toEqual([['王浩', null, '省长', false]]);
  });
});

describe('business people', () => {
  it('与任正非等企业负责人座谈: a business person, not an official', () => {
    const ctx = context([['body', '韩俊、王清宪与任正非等企业负责人进行座谈。董事长张三主持。']]);
    expect(businessPeople(ctx).map((p) => p.name)).toEqual(['任正非', '张三']);
    expect(extractOfficials(ctx, 'anhui', new Set(['任正非', '张三'])).map((p) => p.name)).toEqual([]);
  });

  it('reads each of 负责人 / 高管 / 企业家 / 创始人, and nothing in a sentence with 与 alone', () => {
    const ctx = context([
      ['body', '与李四等高管交流。与王五、赵六等企业家座谈。与孙七等创始人见面。'],
      ['body', '与会人员与代表团座谈。与周八等嘉宾交流。'],
    ]);
    expect(businessPeople(ctx).map((p) => p.name)).toEqual(['李四', '王五', '赵六', '孙七']);
  });
});

describe('where a title can start', () => {
  it('roleMayStart holds wherever the title pattern matches (and not at 上 of 上午)', () => {
    const geo = loadGeography(realEditorial());
    const text = '上午，中共中央政治局委员、上海市委书记李强，省委书记、省人大常委会主任车俊，广西壮族自治区主席和副省长等出席。';
    const sticky = new RegExp(roleRegex(geo).source, 'uy');
    for (let i = 0; i < text.length; i++) {
      sticky.lastIndex = i;
      if (sticky.exec(text)) expect(roleMayStart(geo, text, i)).toBe(true);
    }
    expect(roleMayStart(geo, text, 0)).toBe(false);
    expect(roleMayStart(geo, text, text.indexOf('上海'))).toBe(true);
  });
});

describe('unlabelled lists, tried where a clause starts', () => {
  it('clauseStarts: 0 and after each ，,；;', () => {
    expect(clauseStarts('省委书记李锦斌，黄莉新、刘捷出席；会上,王五;')).toEqual([0, 8, 17, 20, 23]);
    expect(clauseStarts('')).toEqual([0]);
  });

  it('unlabelledLists finds the lists a search of the whole sentence finds', () => {
    const unlabelled = /(?<=^|[，,；;])((?:\p{Script=Han}{2,4}、)+\p{Script=Han}{2,4}?)(?:出席|参加)/gu;
    const random = seeded(23);
    const pick = <T,>(xs: T[]): T => xs[Math.floor(random() * xs.length)]!;
    const names = ['黄莉新', '刘捷', '王五', '卢山', '会议', '出席'];
    let lists = 0;
    for (let n = 0; n < 300; n++) {
      // clauses: a mark (or none), names joined by 、 (or not), then 出席 / 参加 / something else
      const clause = () => pick(['，', '；', ',', '', '“']) + Array.from({ length: 1 + Math.floor(random() * 4) }, () => pick(names)).join(pick(['、', '、', ''])) + pick(['出席', '参加', '讲话', '']);
      const text = '省委书记李锦斌' + Array.from({ length: 1 + Math.floor(random() * 4) }, clause).join('') + '。';
      const ctx = context([['body', text]]);
      const titled = titledOfficials(ctx, null);
      const expected = [...text.matchAll(unlabelled)].filter((m) => titled.some((t) => t.index < m.index!) && m[1]!.split('、').every((i) => isName(i, ctx.surnames)));
      const got = unlabelledLists(ctx, titled);
      expect(got.map((f) => [f.index, f.name])).toEqual(expected.flatMap((m) => m[1]!.split('、').map((name) => [m.index, name])));
      lists += expected.length;
    }
    expect(lists).toBeGreaterThan(20);
  });
});

describe('the province in a title', () => {
  it('provinceInRole: the first (longest) name, as a search with the names pattern finds it', () => {
    const geo = loadGeography(realEditorial());
    const names = new RegExp(geo.namePattern, 'u');
    for (const role of ['省委书记', '浙江省委书记', '中共中央政治局委员、上海市委书记', '内蒙古自治区党委书记', '广西壮族自治区主席', '副省长', '市人大常委会主任、江苏']) {
      expect(provinceInRole(role, geo)).toBe(names.exec(role)?.[0]);
    }
    expect(provinceInRole('内蒙古自治区党委书记', geo)).toBe('内蒙古自治区');
  });
});

describe('labelled lists, searched just before each 领导', () => {
  it('the labels found in windows before 领导 are those a search of the whole sentence finds', () => {
    const geo = loadGeography(realEditorial());
    const source = `(?:(${geo.namePattern})(?:省|市|自治区)?|(?<=^|[，,；;。、])(\\p{Script=Han}{2,3})(?:省|市))领导([^，,；;。：]+)`;
    const all = new Int32Array(0x10000 >>> 5).fill(-1);
    const span = Math.max(provinceLengths(geo).longest + 3, 7);
    const sentences = [
      '浙江省领导陈金彪、冯飞、朱国贤出席。',
      '省领导李明、王刚，东海省领导张三、李四和上海市领导王五参加；内蒙古自治区领导赵六、钱七陪同。',
      '会上，新疆维吾尔自治区领导孙八、周九，领导领导吴十，𠀋𠀋省领导甲乙。',
      '没有领导。',
    ];
    let count = 0;
    for (const text of sentences) {
      const expected = [...text.matchAll(new RegExp(source, 'gu'))].map((m) => [m.index, m[0]]);
      const starts = [...text.matchAll(/领导/g)].map((m) => m.index!);
      expect(scanNear(new RegExp(source, 'uy'), all, text, starts, span).map((m) => [m.index, m[0]])).toEqual(expected);
      // tried only where labelMayStart holds: the same labels
      expect(scanNear(new RegExp(source, 'uy'), all, text, starts, span, (t, i) => labelMayStart(geo, t, i)).map((m) => [m.index, m[0]])).toEqual(expected);
      // what listedOfficials reads: the same lists, with their province or unknown label
      const ctx = context([['body', text]]);
      const fromMatches = [...text.matchAll(new RegExp(source, 'gu'))].flatMap((m) => m[3]!.split(/和|出席|参加|陪同|等/u)[0]!.split('、').map((name) => [name.trim(), m[1] ? (provinceOf(geo, m[1])?.id ?? null) : null]));
      expect(listedOfficials(ctx).map((f) => [f.name, f.province])).toEqual(fromMatches.filter(([name]) => name !== '' && isName(name!, ctx.surnames)));
      count += expected.length;
    }
    expect(count).toBeGreaterThanOrEqual(5);
  });
});

describe('names, looked at unit by unit', () => {
  // the definitions, on cut strings: a name is Han only, opens with a surname, and the longest
  // length allowed is 3, or 4 after a compound surname
  const surnames = { single: new Set(['王', '李', '张', '𠀋']), compound: new Set(['欧阳', '司马']) };
  const HAN = /^\p{Script=Han}+$/u;
  const hasSurnameRef = (name: string) => surnames.compound.has(name.slice(0, 2)) || surnames.single.has(name[0] ?? '');
  const nameAtRef = (text: string, pos: number) => {
    const max = surnames.compound.has(text.slice(pos, pos + 2)) ? 4 : 3;
    for (let len = 2; len <= max; len++) {
      const name = text.slice(pos, pos + len);
      if (name.length < len || !HAN.test(name)) return undefined;
      if (!hasSurnameRef(name)) return undefined;
      if (followsName(text.slice(pos + len))) return name;
    }
    return undefined;
  };
  const isNameRef = (item: string) => item.length >= 2 && item.length <= (surnames.compound.has(item.slice(0, 2)) ? 4 : 3) && HAN.test(item) && hasSurnameRef(item);

  it('nameAt, isName and hasSurname answer as the definitions do (random texts, surrogate pairs included)', () => {
    const alphabet = ['王', '李', '欧', '阳', '司', '马', '明', '清', '𠀋', '\ud840', 'a', '，', '出席', '讲话', '的'];
    const next = seeded(99);
    let found = 0;
    for (let n = 0; n < 400; n++) {
      const text = Array.from({ length: 1 + Math.floor(next() * 8) }, () => alphabet[Math.floor(next() * alphabet.length)]!).join('');
      for (let pos = 0; pos <= text.length; pos++) {
        expect(nameAt(text, pos, surnames)).toBe(nameAtRef(text, pos));
        if (nameAtRef(text, pos)) found++;
        for (let end = pos; end <= text.length; end++) {
          const item = text.slice(pos, end);
          expect(isName(item, surnames)).toBe(isNameRef(item));
          expect(hasSurname(item, surnames)).toBe(hasSurnameRef(item));
        }
      }
    }
    expect(found).toBeGreaterThan(50);
    expect(nameAt('欧阳明清出席', 0, surnames)).toBe('欧阳明清');
    expect(isName('𠀋明', surnames)).toBe(false);
  });
});
