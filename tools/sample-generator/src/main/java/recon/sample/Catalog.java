package recon.sample;

import java.util.List;

/** What the sample stores sell: titles, 类目 and list prices (some above 1000 yuan, for grouped amounts). */
final class Catalog {
    private Catalog() {}

    record Item(String title, String category, long priceFen) {}

    static final String WOMENSWEAR = "女装/女士精品";
    static final String SKINCARE = "美容护肤/美体/精油";
    static final String SNACKS = "零食/坚果/特产";
    static final String SHOES = "女鞋";
    static final String BAGS = "箱包皮具/热销女包/男包";
    static final String APPLIANCES = "生活电器";

    static final List<Item> ITEMS = List.of(
            new Item("法式碎花连衣裙夏季新款", WOMENSWEAR, 299_00),
            new Item("羊毛针织开衫女宽松", WOMENSWEAR, 459_00),
            new Item("高腰阔腿牛仔裤", WOMENSWEAR, 189_90),
            new Item("双面呢大衣中长款", WOMENSWEAR, 1_299_00),
            new Item("玻尿酸补水面膜10片装", SKINCARE, 99_00),
            new Item("烟酰胺精华液30ml", SKINCARE, 239_00),
            new Item("氨基酸洁面乳120g", SKINCARE, 59_90),
            new Item("每日坚果750g礼盒", SNACKS, 129_00),
            new Item("手撕牛肉干500g", SNACKS, 89_90),
            new Item("芒果干108g×3袋", SNACKS, 29_90),
            new Item("真皮乐福鞋女", SHOES, 369_00),
            new Item("厚底小白鞋", SHOES, 199_00),
            new Item("通勤托特包大容量", BAGS, 699_00),
            new Item("20寸登机箱万向轮", BAGS, 1_099_00),
            new Item("空气炸锅5L家用", APPLIANCES, 399_00),
            new Item("扫地机器人自动集尘", APPLIANCES, 2_899_00));
}
