package org.nmis.ingestion.synthetic;

import java.util.SplittableRandom;

/**
 * Common given names and surnames of the states that sent most migrant workers (Uttar Pradesh,
 * Bihar, Jharkhand, Odisha, West Bengal), each in Latin letters and in Devanagari, so that a name
 * written in Hindi is the same name a Latin-script row would carry. Surnames that mark gender
 * ("Kumar" for men, "Devi"/"Kumari" for women) are kept apart from the family surnames that a
 * household shares.
 */
final class Names {
  static final int LATIN = 0;
  static final int DEVANAGARI = 1;

  private static final String[][] MALE = {
    {"Ram", "राम"},
    {"Shyam", "श्याम"},
    {"Mohan", "मोहन"},
    {"Suresh", "सुरेश"},
    {"Ramesh", "रमेश"},
    {"Rajesh", "राजेश"},
    {"Mukesh", "मुकेश"},
    {"Dinesh", "दिनेश"},
    {"Sunil", "सुनील"},
    {"Anil", "अनिल"},
    {"Manoj", "मनोज"},
    {"Santosh", "संतोष"},
    {"Vijay", "विजय"},
    {"Ajay", "अजय"},
    {"Sanjay", "संजय"},
    {"Raju", "राजू"},
    {"Ashok", "अशोक"},
    {"Arjun", "अर्जुन"},
    {"Rahul", "राहुल"},
    {"Amit", "अमित"},
    {"Sonu", "सोनू"},
    {"Deepak", "दीपक"},
    {"Pankaj", "पंकज"},
    {"Rakesh", "राकेश"},
    {"Mahesh", "महेश"},
    {"Ganesh", "गणेश"},
    {"Vinod", "विनोद"},
    {"Pramod", "प्रमोद"},
    {"Shankar", "शंकर"},
    {"Munna", "मुन्ना"},
    {"Ravi", "रवि"},
    {"Gopal", "गोपाल"},
    {"Krishna", "कृष्ण"},
    {"Bablu", "बबलू"},
    {"Pappu", "पप्पू"},
    {"Mohammad", "मोहम्मद"},
    {"Imran", "इमरान"},
    {"Salim", "सलीम"},
    {"Abdul", "अब्दुल"},
    {"Irfan", "इरफ़ान"}
  };
  private static final String[][] FEMALE = {
    {"Sita", "सीता"},
    {"Gita", "गीता"},
    {"Sunita", "सुनीता"},
    {"Anita", "अनीता"},
    {"Rekha", "रेखा"},
    {"Meena", "मीना"},
    {"Pooja", "पूजा"},
    {"Priya", "प्रिया"},
    {"Kavita", "कविता"},
    {"Savitri", "सावित्री"},
    {"Lakshmi", "लक्ष्मी"},
    {"Radha", "राधा"},
    {"Asha", "आशा"},
    {"Usha", "उषा"},
    {"Sarita", "सरिता"},
    {"Manju", "मंजू"},
    {"Rani", "रानी"},
    {"Neha", "नेहा"},
    {"Shabnam", "शबनम"},
    {"Fatima", "फ़ातिमा"}
  };
  private static final String[][] FAMILY = {
    {"Singh", "सिंह"},
    {"Yadav", "यादव"},
    {"Sharma", "शर्मा"},
    {"Verma", "वर्मा"},
    {"Gupta", "गुप्ता"},
    {"Prasad", "प्रसाद"},
    {"Mandal", "मंडल"},
    {"Paswan", "पासवान"},
    {"Das", "दास"},
    {"Mahto", "महतो"},
    {"Chauhan", "चौहान"},
    {"Patel", "पटेल"},
    {"Mishra", "मिश्रा"},
    {"Tiwari", "तिवारी"},
    {"Pandey", "पांडेय"},
    {"Jha", "झा"},
    {"Khan", "ख़ान"},
    {"Ansari", "अंसारी"},
    {"Rai", "राय"},
    {"Nishad", "निषाद"},
    {"Sahu", "साहू"},
    {"Maurya", "मौर्य"},
    {"Kushwaha", "कुशवाहा"},
    {"Manjhi", "मांझी"},
    {"Thakur", "ठाकुर"}
  };
  private static final String[][] MALE_ONLY = {{"Kumar", "कुमार"}};
  private static final String[][] FEMALE_ONLY = {{"Devi", "देवी"}, {"Kumari", "कुमारी"}};

  private Names() {}

  /** A family surname (an index into the shared list), as a household's members all carry it. */
  static int familySurname(SplittableRandom random) {
    return random.nextInt(FAMILY.length);
  }

  /**
   * A full name in the given script. {@code family} is a household's surname, or -1 for someone
   * travelling alone, who gets the gendered surnames ("Ram Kumar", "Sita Devi") about a third of
   * the time.
   */
  static String name(SplittableRandom random, boolean female, int family, int script) {
    String given =
        (female ? FEMALE : MALE)[random.nextInt(female ? FEMALE.length : MALE.length)][script];
    String[] surname;
    if (family >= 0) {
      surname = FAMILY[family];
    } else if (random.nextInt(3) == 0) {
      String[][] gendered = female ? FEMALE_ONLY : MALE_ONLY;
      surname = gendered[random.nextInt(gendered.length)];
    } else {
      surname = FAMILY[random.nextInt(FAMILY.length)];
    }
    return given + " " + surname[script];
  }
}
