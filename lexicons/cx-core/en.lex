# cx-core English aspect terms: term<TAB>dimension[:weight]
# Written for cxsignals (CC0-1.0). Terms are case-folded and Snowball-stemmed at load time.

# staff
friendly*	staff:0.5
hospitality*	staff:0.7
hospitable*	staff:0.7
waiter	staff
waitress	staff
waiting staff	staff:1.5
server	staff
staff	staff
personnel	staff
employee	staff
worker	staff:0.5
host	staff:0.7
"the host"	staff
"our host"	staff
hostess	staff
barista	staff
bartender	staff
bar tender	staff
barman	staff
sommelier	staff
receptionist	staff
reception	staff:0.7
front desk	staff
concierge	staff
bellboy	staff
porter	staff:0.7
doorman	staff
housekeeping	staff:0.7
"manager"	staff
"managers"	staff
owner	staff:0.7
chef	product:0.5
cashier	staff
clerk	staff
shop assistant	staff
sales assistant	staff
salesperson	staff
salesman	staff
saleswoman	staff
service	staff
customer service	staff:1.5
table service	staff
room service	staff
customer support	staff
support team	staff
agent	staff:0.5
delivery driver	staff
courier	staff:0.7
tour guide	staff
guide	staff:0.5
attitude	staff
attentive	staff
attentiveness	staff
inattentive	staff
friendly staff	staff:1.5
unfriendly	staff:0.7
rude	staff:0.7
polite	staff:0.7
impolite	staff
courteous	staff
discourteous	staff
"helpful"	staff:0.7
unhelpful	staff:0.7
knowledgeable	staff:0.7
professional	staff:0.5
unprofessional	staff:0.7
arrogant	staff:0.7
condescending	staff:0.7
dismissive	staff:0.7
greeted	staff:0.7
smile	staff:0.5
smiling	staff:0.5
served us	staff:0.7
looked after us	staff
took our order	staff
# what staff did to the table, told without naming them
take our order	staff
took my order	staff
seat us	staff
treat you	staff
treat us	staff
treated like	staff
shooed	staff
answer the phone	staff
walked away	staff:0.5
refused to	staff:0.5
# the tip judges the service as much as it costs (tip is also a weak price term)
tip	staff:0.5
team	staff:0.5
crew	staff:0.5
waitstaff	staff
busboy	staff
bus boy	staff
busser	staff
maitre d	staff
maître d	staff
"management"	staff
knowledgable	staff:0.7
snobby	staff:0.7
snooty	staff:0.7
surly	staff
ignored us	staff
checked on us	staff
check on us	staff
proprietor	staff:0.7
delivery guy	staff
delivery man	staff
delivery person	staff
taken care of	staff
people who work there	staff:1.5

# staff named by what they do for the table
attentive staff	staff
accommodating staff	staff
took care of us	staff
take care of us	staff
brought us	staff:0.5
flag down	staff
flagged down	staff
waitperson	staff
wait person	staff
waitpeople	staff
service staff	staff:1.5
sommelier's	staff
pushy	staff:0.7
overbearing	staff:0.7
unattentive	staff
sloppy	staff:0.5
clueless	staff:0.7
hovering	staff:0.7
unobtrusive	staff:0.7
personable*	staff
impatient	staff:0.7
snotty	staff:0.7
curt	staff:0.7
abrupt	staff:0.7
brusque	staff:0.7
staffers	staff
counter staff	staff:1.5
valet	staff:0.7

# product
goods*	product
fast food	product
food	product
meal	product
dish	product
menu	product:0.7
cuisine	product
main course	product
"courses"	product
starter	product
appetizer	product
entree	product:0.7
side dish	product
dessert	product
breakfast	product
brunch	product
lunch	product:0.3
dinner	product:0.3
"drink"	product
"drinks"	product
beverage	product
coffee	product
espresso	product
latte	product
cappuccino	product
tea	product
juice	product
wine	product
beer	product
cocktail	product
pizza	product
burger	product
pasta	product
noodles	product
rice	product:0.7
sushi	product
salad	product
soup	product
steak	product
meat	product
chicken	product
fish	product
seafood	product
vegetables	product
cheese	product
bread	product
sandwich	product
pastry	product
croissant	product
cake	product
ice cream	product
fries	product
sauce	product
# dishes, ingredients and drinks named in restaurant reviews
lobster	product
shrimp	product
prawns	product
crab	product
oyster	product
scallop	product
clam	product
mussel	product
calamari	product
squid	product
octopus	product
salmon	product
tuna	product
cod	product
sea bass	product
halibut	product
trout	product
yellowtail	product
eel	product
sashimi	product
roll	product
tempura	product
teriyaki	product
miso	product
edamame	product
udon	product
ramen	product
pho	product
dumpling	product
wonton	product
spring roll	product
fried rice	product
pad thai	product
curry	product
naan	product
dosa	product
samosa	product
dal	product
biryani	product
tikka	product
masala	product
tandoori	product
kebab	product
kabab	product
falafel	product
hummus	product
pita	product
taco	product
burrito	product
quesadilla	product
enchilada	product
guacamole	product
nachos	product
salsa	product
bagel	product
pie	product
crust	product
topping*	product
slice	product
cheeseburger	product
hot dog	product
wings	product
fried chicken	product
ribs	product
brisket	product
pork	product
beef	product
veal	product
lamb	product
duck	product
bacon	product
sausage	product
ham	product
turkey	product
meatballs	product
tofu	product
seaweed	product
okra	product
oatmeal	product
yogurt	product
risotto	product
ravioli	product
lasagna	product
gnocchi	product
spaghetti	product
linguine	product
penne	product
carbonara	product
bruschetta	product
antipasto	product
mozzarella	product
parmesan	product
prosciutto	product
caviar	product
foie gras	product
truffle	product
mushrooms	product
potatoes	product
mashed potatoes	product
spinach	product
asparagus	product
broccoli	product
eggplant	product
bisque	product
chowder	product
stew	product
broth	product
dressing*	product
gravy	product
omelette	product
eggs	product
pancakes	product
waffles	product
french toast	product
tiramisu	product
cheesecake	product
chocolate	product
brownie	product
creme brulee	product
gelato	product
sorbet	product
cookies	product
pastries	product
# by its form: special (nothing special, a special occasion) shares the stem
"specials"	product
appetizers	product
tapas	product
martini	product
margarita	product
mojito	product
sangria	product
sake	product
champagne	product
prosecco	product
cider	product
whiskey	product
vodka	product
tequila	product
soda	product
lemonade	product
smoothie	product
milkshake	product
wine list	product
drink menu	product
beer selection	product
taste	product
flavour	product
flavor	product
texture	product:0.7
seasoning*	product
ingredients	product
portion	product
portion size	product
quantity	product:0.7
recipe	product:0.7
delicious	product:0.7
tasty	product:0.7
tasteless	product
bland	product:0.7
flavourful	product
flavorful	product
undercooked	product:1.5
overcooked	product:1.5
cooked	product:0.7
raw	product:0.5
burnt	product:0.7
greasy	product:0.7
soggy	product:0.7
stale	product:0.7
crispy	product:0.5
juicy	product:0.5
fresh	product:0.5
homemade	product:0.7
quality	product:0.7
product	product
item	product:0.7
merchandise	product
assortment	product
selection	product:0.7
range	product:0.5
vegetarian	product:0.7
vegan	product:0.7
# a room is the product of a hotel (the room was dirty, a quiet room): judged, it makes a
# signal; unjudged it only adds to other product hits (a dining room named in passing)
room	product:0.5
bed	product
mattress	product
pillow	product
shower	product
wifi	product:0.5
clothes	product
shoes	product
fabric	product
material	product:0.5
packaging	product:0.7
dim sum	product
barbecue	product
bbq	product
calzone	product
focaccia	product
baguette	product
panini	product
hot pot	product
kimchi	product
bulgogi	product
bibimbap	product
satay	product
egg roll	product
lo mein	product
chow mein	product
general tso	product
kung pao	product
peking duck	product
filet mignon	product
sirloin	product
ribeye	product
rib eye	product
porterhouse	product
prime rib	product
short rib	product
pork chop	product
lamb chops	product
pork belly	product
oxtail	product
sweetbreads	product
venison	product
rabbit	product
quail	product
meatloaf	product
mac and cheese	product
macaroni	product
grits	product
cornbread	product
coleslaw	product
cole slaw	product
onion rings	product
pickles	product
olives	product
carpaccio	product
tartare	product
ceviche	product
paella	product
gazpacho	product
churros	product
flan	product
empanada	product
arepa	product
tamale	product
fajitas	product
tostada	product
tortilla	product
queso	product
pierogi	product
borscht	product
goulash	product
schnitzel	product
bratwurst	product
sauerkraut	product
pretzel	product
fondue	product
crepe	product
quiche	product
souffle	product
soufflé	product
escargot	product
bouillabaisse	product
cassoulet	product
confit	product
pate	product
pâté	product
terrine	product
brioche	product
polenta	product
osso buco	product
scampi	product
fettuccine	product
alfredo	product
rigatoni	product
tortellini	product
cannoli	product
panna cotta	product
biscotti	product
antipasti	product
burrata	product
ricotta	product
gorgonzola	product
feta	product
goat cheese	product
brie	product
cheddar	product
nigiri	product
maki	product
omakase	product
hamachi	product
unagi	product
wasabi	product
gyoza	product
tonkatsu	product
katsu	product
yakitori	product
soba	product
bento	product
mochi	product
matcha	product
bubble tea	product
banh mi	product
vermicelli	product
laksa	product
roti	product
paratha	product
vindaloo	product
korma	product
saag	product
paneer	product
pakora	product
lassi	product
chutney	product
kofta	product
shawarma	product
gyro	product
souvlaki	product
moussaka	product
baklava	product
tabbouleh	product
couscous	product
tagine	product
plantains	product
lentils	product
chickpeas	product
quinoa	product
kale	product
arugula	product
lettuce	product
tomatoes	product
avocado	product
zucchini	product
cauliflower	product
brussels sprouts	product
artichoke	product
beets	product
bread pudding	product
custard	product
mousse	product
macarons	product
cupcake	product
donut	product
doughnut	product
muffin	product
scone	product
sundae	product
frozen yogurt	product
hot chocolate	product
mocha	product
macchiato	product
chai	product
iced tea	product
iced coffee	product
bloody mary	product
mimosa	product
daiquiri	product
rum	product
bourbon	product
scotch	product
cognac	product
liqueur	product
merlot	product
cabernet	product
pinot	product
chardonnay	product
riesling	product
malbec	product
ale	product
lager	product
pint	product
on tap	product
glass of wine	product
bottle of wine	product
house wine	product
by the glass	product
spirits	product
wine selection	product
beer list	product
cocktail menu	product
tasting menu	product
portions	product
presentation*	product:0.5
spicy	product:0.5
salty	product:0.7
savory	product:0.5
tender	product:0.7
chewy	product:0.7
rubbery	product
mushy	product
overdone	product
dried out	product
flavorless	product
flavourless	product
well seasoned	product
seasoned*	product:0.7
dishes	product
variety	product:0.5
oysters	product
roasted	product:0.5
baked	product:0.5
tilapia	product
catfish	product
snapper	product
swordfish	product
mahi mahi	product
sardines	product
anchovies	product
branzino	product
monkfish	product
flounder	product
bao	product
hamburger	product
chili	product
veggies	product
peas	product
carrots	product
omelet	product
lox	product
pudding	product
buffet	product
small plates	product
garlic	product
cilantro	product
basil	product
salami	product
pepperoni	product
congee	product
blt	product
reuben	product
pastrami	product
pot roast	product
filet	product
tripe	product
bone marrow	product
charcuterie	product
vinegar	product
lemon	product
lime	product
onions	product
jalapeno	product
cucumber	product
seitan	product
tempeh	product
vegetarian options	product
vegan options	product
kids menu	product
catch of the day	product
hotpot	product
orecchiette	product
pappardelle	product
tagliatelle	product
bolognese	product
pesto	product
marinara	product
primavera	product
puttanesca	product
saltimbocca	product
piccata	product
marsala	product
parmigiana	product
arancini	product
zeppole	product
sfogliatelle	product
affogato	product
zabaglione	product
limoncello	product
grappa	product
amaretto	product
negroni	product
aperol	product
bellini	product
pina colada	product
mai tai	product
ipa	product
pilsner	product
sherry	product
brandy	product
mezcal	product
soju	product
boba	product
horchata	product
kombucha	product
cold brew	product
flat white	product
americano	product
cortado	product
liver	product:0.7
corn	product:0.7
beans	product:0.7
butter	product:0.5
chips	product:0.5

# more dishes, ingredients, drinks and how food is cooked and feels, so unseen menus still name the food
yummy	product
scrumptious	product
delectable	product
succulent	product
mouthwatering	product
mouth-watering	product
inedible	product
creamy	product
buttery	product
crunchy	product
flaky	product
fluffy	product
moist	product
tangy	product
watery	product
lukewarm	product
grilled*	product
steamed	product
braised	product
seared	product
sauteed	product
sautéed	product
bun	product
patty	product
dough	product
entrée	product
entrées	product
hors d'oeuvres	product
platter	product
fruit	product
berries	product
strawberries	product
mango	product
coconut	product
sesame	product
peanut	product
soy sauce	product
aioli	product
mayo	product
mayonnaise	product
ketchup	product
sour cream	product
whipped cream	product
vanilla	product
caramel	product
pecan	product
almonds	product
pistachio	product
cinnamon	product
honey	product
syrup	product
biscuits	product
hash browns	product
home fries	product
scallions	product
peppers	product
sriracha	product
carnitas	product
chorizo	product
mole	product
tom yum	product
pad see ew	product
massaman	product
papaya salad	product
potstickers	product
soup dumplings	product
bok choy	product
toro	product
mackerel	product
sea urchin	product
hand roll	product
butter chicken	product
chana	product
gulab jamun	product
raita	product
kulfi	product
baba ganoush	product
tahini	product
halloumi	product
frites	product
ratatouille	product
frittata	product
crostini	product
grilled cheese	product
sliders	product
chicken tenders	product
crab cakes	product
cobbler	product
sourdough	product
gin	product
rosé	product
stout	product
draft beer	product
green tea	product
milk tea	product
coke	product

# dishes and drinks by their menu names, across the cuisines restaurant reviews meet
appetizer platter	product
main dish	product
side dishes	product
hors d'oeuvre	product
canapes	product
amuse bouche	product
bread basket	product
breadsticks	product
garlic bread	product
rolls	product
biscuit	product
fruit salad	product
caesar salad	product
caesar	product:0.7
greek salad	product
cobb salad	product
house salad	product
french fries	product
sweet potato fries	product
tater tots	product
potato salad	product
baked potato	product
rice pilaf	product
mac n cheese	product
meatball	product
chicken wings	product
chicken parm	product
chicken parmesan	product
eggplant parmesan	product
veal parmesan	product
cutlet	product
roast chicken	product
rotisserie chicken	product
half chicken	product
pulled pork	product
fish tacos	product
lobster roll	product
clam chowder	product
shrimp cocktail	product
raw bar	product
sea bream	product
bass	product
fluke	product
scallops	product
langoustine	product
skate	product:0.5
duck breast	product
lamb shank	product
t-bone	product
strip steak	product
hanger steak	product
skirt steak	product
flank steak	product
steak frites	product
burgers	product
veggie burger	product
turkey burger	product
club sandwich	product
panino	product
hoagie	product
pizza slice	product
margherita	product
pepperoni pizza	product
deep dish	product
thin crust	product
calzones	product
stromboli	product
drunken noodles	product
green curry	product
red curry	product
tom kha	product
larb	product
spring rolls	product
summer rolls	product
scallion pancake	product
mapo tofu	product
dan dan	product
chow fun	product
char siu	product
bbq pork	product
roast pork	product
roast duck	product
xiao long bao	product
shumai	product
shu mai	product
har gow	product
siu mai	product
egg tarts	product
sesame chicken	product
orange chicken	product
wonton soup	product
hot and sour soup	product
egg drop soup	product
miso soup	product
chirashi	product
spicy tuna	product
salmon roe	product
uni	product:0.7
tonkotsu	product
karaage	product
okonomiyaki	product
takoyaki	product
donburi	product
galbi	product
japchae	product
kimchee	product
chana masala	product
aloo gobi	product
palak paneer	product
saag paneer	product
chicken tikka masala	product
lamb vindaloo	product
rogan josh	product
jalfrezi	product
idli	product
vada	product
uttapam	product
chaat	product
papadum	product
poppadom	product
pakoras	product
samosas	product
mango lassi	product
baba ghanoush	product
babaganoush	product
falafel sandwich	product
dolmas	product
kibbeh	product
fattoush	product
labneh	product
lahmacun	product
pide	product
carne asada	product
al pastor	product
pico de gallo	product
refried beans	product
chips and salsa	product
chimichanga	product
tamales	product
sopapillas	product
tres leches	product
mole sauce	product
elote	product
tortas	product
pupusas	product
moules	product
moules frites	product
croque monsieur	product
coq au vin	product
beef bourguignon	product
steak tartare	product
duck confit	product
nicoise	product
profiteroles	product
madeleines	product
tarte tatin	product
tart	product
clafoutis	product
cacio e pepe	product
amatriciana	product
vongole	product
linguini	product
fusilli	product
farfalle	product
ziti	product
baked ziti	product
manicotti	product
cannelloni	product
pizza bianca	product
spumoni	product
granita	product
semifreddo	product
sorbetto	product
key lime pie	product
apple pie	product
pecan pie	product
carrot cake	product
red velvet	product
lava cake	product
chocolate cake	product
molten chocolate	product
banana split	product
milk shake	product
shakes	product
malt	product:0.5
egg cream	product
hot cocoa	product
fresh juice	product
orange juice	product
coconut water	product
sparkling water	product
seltzer	product
club soda	product
ginger ale	product
root beer	product
espresso martini	product
cosmopolitan	product
caipirinha	product
pisco sour	product
whiskey sour	product
spritz	product
bellinis	product
mulled wine	product
red wine	product
white wine	product
wines by the glass	product
draft	product:0.5
draught	product:0.5
microbrews	product
craft beer	product
beers on tap	product
sake list	product
plum wine	product

# frequent misspellings
desert	product
expresso	product
cappucino	product
capuccino	product
cheescake	product
sandwhich	product
appetiser	product
brocoli	product
appitizer	product
appitizers	product
apetizer	product
waitor	staff
waitres*	staff
sevice	staff
servise	staff
enviroment	ambience:0.5
quick bite	product:0.5
quick lunch	product:0.5
vegetarian friendly	product:0.5
vegan friendly	product:0.5
top of the line	product:0.5

# ambience
lively*	ambience
atmosphere	ambience
ambience	ambience
ambiance	ambience
vibe	ambience
surroundings	ambience
environment	ambience:0.5
interior	ambience
decor	ambience
décor	ambience
decoration	ambience
decorated	ambience
design	ambience:0.5
furniture	ambience
seating*	ambience:0.7
chairs	ambience:0.7
music	ambience
background music	ambience
live music	ambience
playlist	ambience
noise	ambience
noisy	ambience
# by its form: loudly (how people talked or laughed) shares the stem
"loud"	ambience
quiet	ambience
acoustics	ambience
echo	ambience
lighting*	ambience:0.7
lights*	ambience:0.7
dim	ambience:0.7
dark	ambience:0.5
bright	ambience:0.5
candles	ambience
smell	ambience
smelly	ambience
odour	ambience
odor	ambience
stink	ambience
scent	ambience
smoking*	ambience:0.7
smoky*	ambience:0.7
# by its form: cleaned and cleaning (what the staff did) share the stem
"clean"	ambience
cleanliness	ambience
spotless	ambience
dirty	ambience
filthy	ambience
grimy	ambience
dust	ambience
dusty	ambience
sticky	ambience:0.7
hygiene	ambience
unhygienic	ambience
tidy	ambience
untidy	ambience
messy	ambience
mould	ambience
mold	ambience
cockroach	ambience
cozy	ambience
cosy	ambience
comfortable	ambience:0.5
comfort food	product
homely*	ambience
romantic	ambience
charming	ambience:0.7
# by its form: crowd (the people who come there) shares the stem
"crowded"	ambience:0.5
packed	ambience:0.3
cramped	ambience
crammed	ambience
# by its form: entertaining and entertained (a good time, a show) share the stem
"entertainment"	ambience
live entertainment	ambience
ambient	ambience
spacious	ambience
temperature	ambience
air conditioning	ambience
draughty	ambience
drafty	ambience
ventilation	ambience
view	access
view	ambience:0.4
terrace	ambience
patio	ambience
garden	ambience:0.7
# the feel of a place, as reviews describe it
cute	ambience
intimate	ambience
trendy	ambience
# by its form: elegantly and elegance (of a dish, of a plating) share the stem
"elegant"	ambience
classy	ambience
chic	ambience
upscale	ambience:0.7
laid back	ambience
quaint	ambience
tranquil	ambience
peaceful	ambience:0.7
casual	ambience:0.3
hip	ambience:0.5
setting*	ambience
scene	ambience:0.3
space	ambience:0.3
outdoor	ambience
outside	ambience:0.3
backyard	ambience
rooftop	ambience
sidewalk	ambience:0.5
lounge	ambience:0.7
dining room	ambience
dining area	ambience
relaxed	ambience:0.5
relaxing	ambience:0.5
fun	ambience:0.3
calm	ambience:0.5
room	ambience:0.3
toilet	ambience
restroom	ambience
bathroom	ambience:0.5
tv	ambience:0.5
hole in the wall	ambience
hole-in-the-wall	ambience
feel of the place	ambience
decorations	ambience
jazz	ambience:0.7
band	ambience:0.5
ceiling	ambience
tables are close	ambience
low-key	ambience
roomy	ambience
airy	ambience
layout	ambience
fireplace	ambience
courtyard	ambience
artwork	ambience
paintings	ambience
candlelit	ambience
candlelight	ambience
dimly lit	ambience
well lit	ambience
noise level	ambience
sleek	ambience:0.7
modern	ambience:0.5
rustic	ambience:0.5
dingy	ambience
shabby	ambience
run down	ambience
rundown	ambience
swanky	ambience
posh	ambience:0.7
dive	ambience:0.5
divey	ambience
tacky	ambience
kitschy	ambience
cavernous	ambience
hustle and bustle	ambience
energetic	ambience:0.5
atmospheric	ambience
dance floor	ambience
bar area	ambience
mirrors	ambience
wallpaper	ambience
tablecloths	ambience
atmos*	ambience
jukebox	ambience
benches	ambience:0.7
hangout	ambience:0.5
hang out	ambience:0.5
renovated	ambience
renovation	ambience
remodeled	ambience
remodelled	ambience
kid friendly	ambience:0.5
family friendly	ambience:0.5
child friendly	ambience:0.5

# noise that stops talk, people to watch, and the look of the room
have a conversation	ambience
hold a conversation	ambience
hear each other	ambience
hear yourself	ambience
hear ourselves	ambience
hear myself	ambience
people watching	ambience
people-watching	ambience
exposed brick	ambience
scenery	ambience
interior design	ambience
elbow room	ambience
too close together	ambience
deafening	ambience
blaring	ambience
serene	ambience
aesthetics of	ambience

# waiting
wait	waiting:0.5
waiting time	waiting:1.5
long wait	waiting:1.5
queue	waiting
line	waiting:0.5
long line	waiting
slow	waiting
slowly	waiting
fast	waiting:0.7
quick	waiting:0.7
quickly	waiting:0.7
speed	waiting
speedy	waiting
prompt	waiting
promptly	waiting
efficient	waiting:0.5
delay	waiting
late	waiting:0.3
on time	waiting
punctual	waiting
timely*	waiting
minutes	waiting:0.7
hour	waiting:0.3
forever	waiting:0.7
took forever	waiting:1.5
took ages	waiting:1.5
took so long	waiting:1.5
took too long	waiting:1.5
right away	waiting:0.7
straight away	waiting:0.7
immediately	waiting:0.7
in no time	waiting
booking	waiting
reservation	waiting:0.3
"walk-in"	waiting:0.5
"walk-ins"	waiting:0.5
waiting list	waiting
waitlist	waiting
table for	waiting:0.5
get a table	waiting
for a table	waiting
check-in	waiting
checkin	waiting
check in	waiting
check-out	waiting:0.7
checkout	waiting:0.7
delivery time	waiting:1.5
delivery	waiting:0.7
delivered	waiting:0.7
arrived	waiting:0.5
shipping	waiting:0.7
dispatched	waiting
tracking	waiting:0.5
response time	waiting
on hold	waiting
# by their forms: the noun (the lunch rush, in a rush) is no complaint about the pace
"rushed"	waiting:0.7
"rushing"	waiting:0.7
understaffed	waiting
rushed us	waiting
rushing us	waiting
rush us	waiting
slow service	waiting:1.5

# price
price	price
pricing	price
priced	price
reasonably priced	price
cost	price
costly	price
expensive	price
pricey	price
overpriced	price
cheap	price
# by its form: afford (could not afford to wait, affords a view) shares the stem
"affordable"	price
inexpensive	price
reasonable*	price:0.5
value	price:0.7
value for money	price:1.5
for the money	price
good value	price:1.5
for what you get	price
for the price	price:1.5
money	price:0.3
worth the money	price:1.5
bill	price
receipt	price
invoice	price
charge	price:0.5
overcharged	price
surcharge	price
fee	price
service charge	price
tip	price:0.3
gratuity	price
discount	price
offer	price:0.3
deal	price:0.7
# a deal to cope with, a great deal of, no big deal, the real deal: no price; longer than
# deal, so these take its words, and their weight makes no signal
deal with	price:0.1
great deal of	price:0.1
big deal	price:0.1
real deal	price:0.1
bargain	price
sale	price:0.5
coupon	price
voucher	price
promo	price
promotion	price:0.7
happy hour	price
budget	price:0.5
payment	price
pay	price
# paying attention is how staff treat a table, not money
pay attention	staff
pay any attention	staff
pay much attention	staff
paid	price:0.5
card	price:0.3
credit card	price
cash	price:0.5
# free of noise, a free table, free time, a free dessert given to make amends: free
# alone makes no price signal, and adds to other price hits
free	price:0.3
rip-off	price
ripoff	price
rip off	price
steep	price:0.7
per person	price
dollars	price
euros	price
kronor	price
sek	price
bucks	price
cents	price
wallet	price
moderately priced	price:1.5
fairly priced	price:1.5
well priced	price:1.5
economical	price
cheaper	price
pricier	price
price point	price:1.5
price range	price:1.5
budget friendly	price
budget-friendly	price
wallet friendly	price
wallet-friendly	price
corkage	price
break the bank	price:1.5
bang for your buck	price:1.5
bang for the buck	price:1.5
worth every penny	price:1.5
penny	price:0.5

# how much, said in other words
price tag	price:1.5
pricy	price
prices are	price:1.5
well worth the price	price:1.5
tax	price:0.5

# access
directions*	access
location	access
located	access
centrally located	access
central	access:0.7
parking*	access:0.5
car park	access
parking lot	access
parking space	access
park the car	access
public transport	access
bus stop	access
train station	access
station	access:0.7
metro	access
subway	access
tram	access
walking distance	access
easy to find	access
easy to get to	access
hard to find	access
difficult to find	access
address	access:0.7
signage	access
signposted	access
entrance	access
wheelchair	access
accessible	access
accessibility	access
stairs	access
elevator	access
step-free	access
opening hours	access
opening times	access
open late	access
closing time	access
closed*	access:0.5
neighbourhood	access:0.3
neighborhood	access:0.3
area	access:0.3
downtown	access
city centre	access
city center	access
nearby	access:0.3
remote	access:0.5
out of the way	access
middle of nowhere	access
off the beaten track	access
get there	access:0.7
getting there	access:0.7
website	access:0.5
reach them	access
views	access
overlooking*	access
overlooks*	access
looks out over	access
looks out on	access
waterfront	access
on the water	access
water view	access
skyline	access
sunset	access:0.7
across the street	access
across from	access
on the corner	access
corner of	access
blocks away	access
block away	access
block from	access
steps from	access
walk from	access
close to	access:0.5
conveniently located	access:1.5
convenient location	access:1.5
hidden away	access
tucked away	access
off the street	access

# where it is, said in other words
in the heart of	access
heart of	access:0.7
a short walk	access
short walk from	access
minutes from	access:0.7
off the subway	access
near the	access:0.3
avenue	access:0.3
far from	access
too far	access:0.7
far away	access:0.7

# personalization
personalis*	personalization
personaliz*	personalization
personal service	personalization
personal attention	personalization
customis*	personalization
customiz*	personalization
thoughtful*	personalization:0.7
accommodating*	personalization:0.7
personal touch	personalization:1.5
tailored	personalization
tailor-made	personalization
bespoke	personalization
made to order	personalization
individual	personalization:0.7
special request	personalization:1.5
request	personalization:0.5
preference*	personalization
remembered our names	personalization:1.5
remembered my name	personalization:1.5
by name	personalization
knew my name	personalization
dietary	personalization
allergy	personalization
allergies	personalization
allergic	personalization
intolerance	personalization
gluten-free	personalization:0.7
gluten free	personalization:0.7
lactose-free	personalization:0.7
adapted	personalization:0.7
adjusted	personalization:0.5
flexible	personalization:0.7
on request	personalization
extra mile	personalization
went out of their way	personalization
made us feel special	personalization
handwritten	personalization
birthday	personalization:0.3
anniversary	personalization:0.3
upgrade	personalization:0.7
upgraded	personalization:0.7

# cocreation
wine tasting	cocreation
beer tasting	cocreation
self-service	cocreation
self service	cocreation
self-checkout	cocreation
self checkout	cocreation
kiosk	cocreation:0.7
app	cocreation:0.7
order online	cocreation
online ordering	cocreation
qr code	cocreation
tablet	cocreation:0.5
buffet	cocreation:0.7
build your own	cocreation
make your own	cocreation
choose your own	cocreation
pick your own	cocreation
diy	cocreation
workshop	cocreation
cooking class	cocreation
participate	cocreation
participation	cocreation
involved	cocreation:0.5
interactive	cocreation
feedback	cocreation
survey	cocreation
questionnaire	cocreation
comment card	cocreation
suggestion	cocreation:0.7
asked for our opinion	cocreation
asked our opinion	cocreation
asked what we thought	cocreation
dialogue	cocreation
dialog	cocreation
conversation	cocreation:0.5
chatted	cocreation:0.5
community	cocreation
social media	cocreation
instagram	cocreation:0.5
facebook	cocreation:0.5
event	cocreation:0.5
co-create	cocreation
collaboration	cocreation:0.5
open kitchen	cocreation:0.5
review	cocreation:0.3

# failure
missing*	failure
mistake	failure
error	failure
wrong	failure
wrong order	failure:1.5
mix-up	failure
mixed up	failure
forgot	failure
forgotten	failure
forget	failure
misunderstanding	failure
misunderstood	failure
confusion	failure
problem	failure
issue	failure:0.7
complain	failure:0.7
broken	failure
damaged	failure
defective	failure
faulty	failure
lost	failure:0.7
cancelled	failure
canceled	failure
overbooked	failure
double-booked	failure
double booked	failure
ignored	failure
neglected	failure
discrimination	failure
discriminated	failure
racist	failure
racism	failure
sexist	failure
harassed	failure
disturbance	failure
disturbed	failure
interrupted	failure:0.7
incorrect	failure
spilled	failure
dropped	failure:0.5
hair in	failure
fly in	failure
food poisoning	failure:1.5
sick	failure:0.7
threw up	failure
disaster	failure:0.7
chaos	failure
chaotic	failure
mess	failure:0.7
messed up	failure
screwed up	failure
failed	failure
failure	failure
not working	failure
out of order	failure
out of stock	failure
sold out	failure:0.7
unavailable	failure:0.7
incompetent	failure:0.7
careless	failure
scam	failure
lied	failure
dishonest	failure
shouted	failure
yelled	failure
argued	failure
kicked out	failure
refused	failure
turned away	failure
denied	failure:0.7

# recovery
apology	recovery
apologised	recovery
apologized	recovery
apologise	recovery
apologize	recovery
apologetic	recovery
sorry	recovery:0.5
compensation	recovery
compensated	recovery
compensate	recovery
refund	recovery
refunded	recovery
money back	recovery
reimbursed	recovery
reimbursement	recovery
replaced	recovery
replacement	recovery
exchanged	recovery:0.7
return policy	recovery
free returns	recovery
returned it	recovery
sent it back	recovery
sent back	recovery
on the house	recovery
complimentary	recovery:0.3
made it right	recovery
make it right	recovery
made up for	recovery
fixed*	recovery:0.5
resolved	recovery
solved	recovery
solution	recovery:0.7
handled	recovery:0.7
took care of	recovery:0.7
listened	recovery:0.7
took responsibility	recovery
goodwill	recovery
gesture	recovery:0.7
rectified	recovery
corrected	recovery:0.7
remade	recovery
store credit	recovery
complaint	recovery:0.5
waived	recovery
called back	recovery
followed up	recovery

# emotion
feel	emotion:0.5
felt	emotion:0.5
feeling	emotion:0.5
experience	emotion:0.7
memorable	emotion
unforgettable	emotion
memories	emotion
happy	emotion
happiness	emotion
joy	emotion
delighted	emotion
excited	emotion
thrilled	emotion
enjoyed	emotion
love	emotion:0.7
loved	emotion:0.7
surprise	emotion
surprised	emotion
wow	emotion
amazed	emotion
impressed	emotion
blown away	emotion
magical	emotion
fun	emotion:0.7
relaxed	emotion
relaxing	emotion
calm	emotion:0.7
satisfied	emotion
satisfaction	emotion
dissatisfied	emotion
disappointed	emotion
disappointment	emotion
frustrated	emotion
frustration	emotion
angry	emotion
annoyed	emotion
upset	emotion
furious	emotion
sad	emotion
unhappy	emotion
stressed	emotion
stressful	emotion
anxious	emotion
nervous	emotion
embarrassed	emotion
humiliated	emotion
uncomfortable	emotion
unwelcome	emotion
felt welcome	emotion
welcome	emotion:0.5
grateful	emotion
thankful*	emotion
heartwarming	emotion
shocked	emotion
disgusted	emotion
scared	emotion
safe	emotion:0.5
nostalgic	emotion
mood	emotion:0.5
pleasure	emotion

# loyalty
come back	loyalty:1.5
coming back	loyalty:1.5
be back	loyalty:1.5
go back	loyalty
going back	loyalty
return	loyalty:0.7
revisit	loyalty
visit again	loyalty
again	loyalty:0.5
next time	loyalty
never again	loyalty:1.5
recommend	loyalty
highly recommended	loyalty:1.5
would recommend	loyalty:1.5
regulars	loyalty:0.7
loyal	loyalty
loyalty	loyalty
loyalty card	loyalty
loyalty program	loyalty
loyalty programme	loyalty
member	loyalty:0.5
membership	loyalty:0.7
repeat customer	loyalty
returning customer	loyalty
repurchase	loyalty
buy again	loyalty
order again	loyalty
reorder	loyalty
stay again	loyalty
favourite	loyalty:0.7
favorite	loyalty:0.7
go-to	loyalty
tell my friends	loyalty
tell everyone	loyalty
spread the word	loyalty
word of mouth	loyalty
avoid	loyalty:0.7
stay away	loyalty
worth a visit	loyalty
must visit	loyalty
won't be back	loyalty:1.5
not be back	loyalty
last time	loyalty:0.5
subscription	loyalty:0.5
keep coming	loyalty
# looking forward to the next visit, not waiting: longer than 'wait', so it takes the words
can't wait	loyalty
can’t wait	loyalty
cannot wait	loyalty
cant wait	loyalty

# currency signs (tokens since 2026-12-01): an amount named is about the price
$	price:0.5
€	price:0.5
£	price:0.5
